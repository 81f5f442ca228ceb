using CrmBridge.Core.People;

namespace CrmBridge.Setup;

/// <summary>A user proposed as nobody's manager (pool or technical), with the evidence a person checks.</summary>
internal sealed record UserCandidate(SurveyedUser User, PersonRole Role, IReadOnlyList<string> Evidence);
