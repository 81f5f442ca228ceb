using CrmBridge.AmoCrm;
using CrmBridge.Enrichment;
using Microsoft.Extensions.Options;

namespace CrmBridge.Hosting;

/// <summary>
/// Enrichment:WriteBackEmptyFields writes KPP and OGRN into the cards; amoCRM has no standard field for them, so with
/// amoCRM on, both fields must be named, or every write-back would fail card by card.
/// </summary>
internal sealed class WriteBackTargetsValidator(IOptions<AmoCrmOptions> amo) : IValidateOptions<EnrichmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var crm = amo.Value;
        if (!options.WriteBackEmptyFields || !crm.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var missing = new List<string>();
        if (crm.KppFieldId is null && string.IsNullOrWhiteSpace(crm.KppFieldCode))
        {
            missing.Add("AmoCrm:KppFieldId: Enrichment:WriteBackEmptyFields is on but no amoCRM company field is named for the KPP; set AmoCrm:KppFieldId (or AmoCrm:KppFieldCode), or turn write-back off");
        }

        if (crm.OgrnFieldId is null && string.IsNullOrWhiteSpace(crm.OgrnFieldCode))
        {
            missing.Add("AmoCrm:OgrnFieldId: Enrichment:WriteBackEmptyFields is on but no amoCRM company field is named for the OGRN; set AmoCrm:OgrnFieldId (or AmoCrm:OgrnFieldCode), or turn write-back off");
        }

        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
