using CrmBridge.Core.Model;

namespace CrmBridge.Enrichment;

/// <summary>
/// Fill empty fields of a company card from registry data (kind <see cref="EnrichmentActionKinds.FillEmptyFields"/>).
/// Field names are neutral ("KPP", "OGRN"); the connector maps them to its CRM's fields and must not overwrite a value
/// someone entered meanwhile.
/// </summary>
internal sealed record CompanyFieldsPayload(CrmRef Company, IReadOnlyDictionary<string, string> Fields, string Source);
