using CrmBridge.Core.Model;

namespace CrmBridge.Setup;

/// <summary>
/// A field of a CRM entity ("company", "contact"): its id as settings name it (UF_CRM_1712, 900102), the name people
/// see, its type, and the values sampled from the first cards (empty when the field was not sampled).
/// </summary>
internal sealed record SurveyedField(CrmKind Crm, string Entity, string Id, string Name, string Type)
{
    public IReadOnlyList<string> Samples { get; init; } = [];

    /// <summary>How many cards were sampled (a field missing on a card counts as empty).</summary>
    public int SampledCards { get; init; }
}
