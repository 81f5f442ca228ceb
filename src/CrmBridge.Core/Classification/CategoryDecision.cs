using CrmBridge.Core.Model;

namespace CrmBridge.Core.Classification;

/// <summary>
/// The category and the reason for each criterion. Unknown when no criterion failed but the registry did not tell a
/// value a criterion needs: a category is never guessed.
/// </summary>
public sealed record CategoryDecision(ClientCategory Category, IReadOnlyList<string> Reasons);
