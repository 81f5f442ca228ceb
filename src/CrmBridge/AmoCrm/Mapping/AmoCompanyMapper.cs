using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.AmoCrm.Mapping;

/// <summary>
/// amoCRM has no standard INN field (crm-api.md 2.3): the INN comes from a configured custom field (by id or code)
/// when it has a value, otherwise from the legal-entity field's vat_id. KPP likewise.
/// </summary>
internal sealed class AmoCompanyMapper(AmoCrmOptions options, string account, Action<long, long> reportBrokenField)
{
    public Company Map(AmoCompany company, Company? stored)
    {
        ArgumentNullException.ThrowIfNull(company);
        var fields = company.CustomFieldsValues;
        var requisites = ReadLegalEntities(company.Id, fields);
        var configuredInn = ReadConfigured(company.Id, fields, options.InnFieldId, options.InnFieldCode);
        var configuredKpp = ReadConfigured(company.Id, fields, options.KppFieldId, options.KppFieldCode);
        var primary = requisites.Find(r => r.Inn is not null) ?? (requisites.Count > 0 ? requisites[0] : null);
        var inn = configuredInn ?? primary?.Inn;
        var kpp = configuredKpp ?? (configuredInn is null || configuredInn == primary?.Inn ? primary?.Kpp : null);
        if (configuredInn is not null && requisites.TrueForAll(r => r.Inn != configuredInn))
        {
            requisites.Insert(0, new Requisite(configuredInn, kpp, null, company.Name));
        }

        var owner = company.ResponsibleUserId?.ToString(CultureInfo.InvariantCulture);
        return new Company
        {
            Ref = new CrmRef(CrmKind.AmoCrm, account, company.Id.ToString(CultureInfo.InvariantCulture)),
            Title = company.Name,
            Inn = inn,
            Kpp = kpp,
            Ogrn = ReadConfigured(company.Id, fields, options.OgrnFieldId, options.OgrnFieldCode),
            Requisites = requisites,
            OwnerId = owner,

            // When the owner got the card comes from entity_responsible_changed events; keep it while the owner stays.
            OwnerSince = stored is not null && stored.OwnerId == owner ? stored.OwnerSince : null,
            CreatedAt = AmoTime.From(company.CreatedAt),
            ModifiedAt = AmoTime.From(company.UpdatedAt),
            Phones = ReadAll(company.Id, fields, "PHONE"),
            Emails = ReadAll(company.Id, fields, "EMAIL"),
            WebSite = ReadAll(company.Id, fields, "WEB").FirstOrDefault(),
            IsDeleted = company.IsDeleted == true,

            // Set by CrmBridge itself (classification, quarantine), not by amoCRM: a re-sync must not wipe them.
            StatusFieldValue = options.StatusFieldId is { } statusField ? ReadConfigured(company.Id, fields, statusField, null) : null,
            Category = stored?.Category ?? default,
            CategoryDecision = stored?.CategoryDecision,
            Status = stored?.Status ?? default,
            QuarantinedUntil = stored?.QuarantinedUntil,
        };
    }

    private List<Requisite> ReadLegalEntities(long companyId, IReadOnlyList<AmoCustomFieldValue>? fields)
    {
        var requisites = new List<Requisite>();
        foreach (var field in fields?.Where(f => f.FieldType == AmoCustomFieldReader.LegalEntityType) ?? [])
        {
            if (AmoCustomFieldReader.TryReadLegalEntities(field, out var found))
            {
                requisites.AddRange(found);
            }
            else
            {
                reportBrokenField(companyId, field.FieldId);
            }
        }

        return requisites;
    }

    private string? ReadConfigured(long companyId, IReadOnlyList<AmoCustomFieldValue>? fields, long? id, string? code)
    {
        var field = AmoCustomFieldReader.Find(fields, id, code);
        if (field is null)
        {
            return null;
        }

        if (AmoCustomFieldReader.TryReadTexts(field, out var texts))
        {
            return texts.Count > 0 ? texts[0] : null;
        }

        reportBrokenField(companyId, field.FieldId);
        return null;
    }

    private List<string> ReadAll(long companyId, IReadOnlyList<AmoCustomFieldValue>? fields, string code)
    {
        var result = new List<string>();
        foreach (var field in AmoCustomFieldReader.OfCode(fields, code))
        {
            if (AmoCustomFieldReader.TryReadTexts(field, out var texts))
            {
                result.AddRange(texts);
            }
            else
            {
                reportBrokenField(companyId, field.FieldId);
            }
        }

        return result;
    }
}
