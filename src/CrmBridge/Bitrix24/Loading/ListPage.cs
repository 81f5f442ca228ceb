using System.Text.Json;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>Rows of one HTTP request (up to 2,500 from a batch) and the last ID among them, the resume point.</summary>
internal sealed record ListPage(IReadOnlyList<JsonElement> Rows, string LastId);
