using CrmBridge.AmoCrm;
using CrmBridge.Bitrix24;
using CrmBridge.Enrichment;

namespace CrmBridge.Digest;

/// <summary>
/// Which digest inputs are not configured, each as the settings to set: a figure that is zero because nobody set its
/// input is shown as what to set, never as a zero that looks like "nothing happened". Null means configured.
/// </summary>
internal sealed record DigestInputs(string? DecisionMakerField, string? MarginField, string? CategoryCriteria)
{
    public static DigestInputs AllConfigured { get; } = new(null, null, null);

    public static DigestInputs From(Bitrix24Options bitrix24, AmoCrmOptions amoCrm, EnrichmentOptions enrichment)
    {
        ArgumentNullException.ThrowIfNull(bitrix24);
        ArgumentNullException.ThrowIfNull(amoCrm);
        ArgumentNullException.ThrowIfNull(enrichment);
        var decisionMaker = Missing(
            (bitrix24.Enabled && string.IsNullOrWhiteSpace(bitrix24.DecisionMakerField), "Bitrix24:DecisionMakerField"),
            (amoCrm.Enabled && amoCrm.DecisionMakerFieldId is null, "AmoCrm:DecisionMakerFieldId"));
        var margin = Missing(
            (bitrix24.Enabled && string.IsNullOrWhiteSpace(bitrix24.MarginField), "Bitrix24:MarginField"),
            (amoCrm.Enabled && amoCrm.MarginFieldId is null, "AmoCrm:MarginFieldId"));
        return new DigestInputs(decisionMaker, margin, enrichment.CategoryCriteria.Any ? null : "Enrichment:CategoryCriteria");
    }

    private static string? Missing(params (bool Missing, string Key)[] inputs)
    {
        var keys = inputs.Where(input => input.Missing).Select(input => input.Key).ToList();
        return keys.Count == 0 ? null : string.Join(", ", keys);
    }
}
