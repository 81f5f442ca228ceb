using System.Globalization;
using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;

namespace CrmBridge.Setup;

/// <summary>
/// Finds which field holds the INN, KPP, OGRN, the postponement date and reason, and the decision-maker mark, by the
/// field's name and by what the sampled cards hold (identifiers checked with their check digits). Bitrix24 keeps
/// INN, KPP and OGRN in requisites, which CrmBridge reads without a setting; amoCRM has no standard INN field.
/// </summary>
internal static class FieldProposer
{
    private static readonly string[] DateTypes = ["date", "datetime", "date_time", "birthday"];
    private static readonly string[] TextTypes = ["string", "text", "textarea", "enumeration", "select", "radiobutton", "multiselect", "crm_status"];
    private static readonly string[] FlagTypes = ["boolean", "checkbox", "enumeration", "select", "radiobutton", "char"];

    public static IReadOnlyList<FieldProposal> Propose(IReadOnlyList<CrmSurvey> surveys)
    {
        ArgumentNullException.ThrowIfNull(surveys);
        var proposals = new List<FieldProposal>();
        foreach (var survey in surveys.Where(s => s.Problem is null))
        {
            proposals.AddRange(Identifiers(survey));
            proposals.Add(Named(survey, FieldPurpose.PostponedUntil, survey.CompanyFields, f => IsPostponement(f.Name) && !IsReason(f.Name) && DateTypes.Contains(f.Type)));
            proposals.Add(Named(survey, FieldPurpose.PostponeReason, survey.CompanyFields, f => IsPostponement(f.Name) && IsReason(f.Name) && TextTypes.Contains(f.Type)));
            proposals.Add(Named(survey, FieldPurpose.DecisionMaker, survey.ContactFields, f => IsDecisionMaker(f.Name) && FlagTypes.Contains(f.Type)));
        }

        return proposals;
    }

    public static string Label(FieldPurpose purpose) => purpose switch
    {
        FieldPurpose.Inn => "INN",
        FieldPurpose.Kpp => "KPP",
        FieldPurpose.Ogrn => "OGRN",
        FieldPurpose.PostponedUntil => "postponed until",
        FieldPurpose.PostponeReason => "postponement reason",
        _ => "decision-maker (contact)",
    };

    private static IEnumerable<FieldProposal> Identifiers(CrmSurvey survey)
    {
        foreach (var purpose in (FieldPurpose[])[FieldPurpose.Inn, FieldPurpose.Kpp, FieldPurpose.Ogrn])
        {
            var best = survey.CompanyFields
                .Where(f => f.Type != "legal_entity")
                .Select(f => (Field: f, Valid: Valid(purpose, f.Samples), Named: NamedAs(purpose, f.Name)))
                .Where(c => c.Named || (c.Valid >= 3 && c.Valid * 2 >= c.Field.Samples.Count(s => s.Length > 0)))
                .OrderByDescending(c => c.Valid)
                .ThenByDescending(c => c.Named)
                .FirstOrDefault();
            yield return survey.Crm == CrmKind.Bitrix24 ? Bitrix24Identifier(survey, purpose, best.Field, best.Valid) : AmoIdentifier(survey, purpose, best.Field, best.Valid);
        }
    }

    private static FieldProposal Bitrix24Identifier(CrmSurvey survey, FieldPurpose purpose, SurveyedField? field, int valid)
    {
        var requisites = purpose == FieldPurpose.Inn && survey.RequisiteInn is { } rq
            ? $"requisites RQ_INN (the default source, no setting needed): {Count(Valid(purpose, rq.Samples), rq.SampledCards, "requisites")}"
            : purpose == FieldPurpose.Inn
                ? "requisites have no RQ_INN field here (crm.requisite.fields): the INN can only come from a company field"
                : $"requisites RQ_{Label(purpose)} (built in, no setting needed)";
        if (purpose == FieldPurpose.Inn && field is not null && valid > 0)
        {
            return new FieldProposal(survey.Crm, purpose, field, "Bitrix24:InnField", field.Id, $"{Describe(field)}: {Count(valid, field.SampledCards, "cards")}, read besides the requisites\n{requisites}");
        }

        return new FieldProposal(survey.Crm, purpose, null, null, null, requisites);
    }

    private static FieldProposal AmoIdentifier(CrmSurvey survey, FieldPurpose purpose, SurveyedField? field, int valid)
    {
        var legal = survey.CompanyFields.FirstOrDefault(f => f.Type == "legal_entity");
        var legalValid = purpose == FieldPurpose.Inn && legal is not null ? Valid(purpose, legal.Samples) : 0;
        var legalText = legal is null || purpose != FieldPurpose.Inn ? "" : $"legal-entity field {Describe(legal)} vat_id, read by default: {Count(legalValid, legal.SampledCards, "cards")}";
        if (field is not null && (valid > legalValid || (valid > 0 && valid == legalValid)))
        {
            var key = $"AmoCrm:{purpose}FieldId";
            var evidence = $"{Describe(field)}: {Count(valid, field.SampledCards, "cards")}" + (legalText.Length > 0 ? $"\n{legalText}" : "");
            return new FieldProposal(survey.Crm, purpose, field, key, field.Id, evidence);
        }

        if (legalText.Length > 0 && legalValid > 0)
        {
            return new FieldProposal(survey.Crm, purpose, legal, null, null, legalText);
        }

        var fallback = purpose == FieldPurpose.Kpp ? "not found; the legal-entity field's kpp is read when it holds the INN" : "not found: no field is named so or holds such values";
        return new FieldProposal(survey.Crm, purpose, null, null, null, field is null ? fallback : $"{Describe(field)} is named so but {Count(valid, field.SampledCards, "cards")}; not proposed");
    }

    private static FieldProposal Named(CrmSurvey survey, FieldPurpose purpose, IReadOnlyList<SurveyedField> fields, Func<SurveyedField, bool> matches)
    {
        var field = fields.FirstOrDefault(matches);
        if (field is null)
        {
            return new FieldProposal(survey.Crm, purpose, null, null, null, "not found: no field of a fitting type is named so");
        }

        var key = survey.Crm == CrmKind.Bitrix24 ? $"Bitrix24:{purpose}Field" : $"AmoCrm:{purpose}FieldId";
        var filled = field.SampledCards > 0
            ? string.Create(CultureInfo.InvariantCulture, $", filled on {field.Samples.Count(s => s.Length > 0)} of {field.SampledCards} sampled cards")
            : "";
        return new FieldProposal(survey.Crm, purpose, field, key, field.Id, $"{Describe(field)}: by name and type ({field.Type}){filled}");
    }

    private static int Valid(FieldPurpose purpose, IReadOnlyList<string> samples) => samples.Count(value => value.Length > 0 && purpose switch
    {
        FieldPurpose.Inn => Inn.Validate(value) is null,
        FieldPurpose.Kpp => Kpp.Validate(value) is null,
        _ => Ogrn.Validate(value) is null,
    });

    private static string Count(int valid, int sampled, string what) => string.Create(
        CultureInfo.InvariantCulture, $"{valid} of {sampled} sampled {what} hold a valid value");

    private static string Describe(SurveyedField field) => $"{field.Id} '{field.Name}'";

    private static bool NamedAs(FieldPurpose purpose, string name)
    {
        var words = Words(name);
        return purpose switch
        {
            FieldPurpose.Inn => words.Any(w => w is "инн" or "inn" or "tin" or "vat"),
            FieldPurpose.Kpp => words.Any(w => w is "кпп" or "kpp"),
            _ => words.Any(w => w is "огрн" or "огрнип" or "ogrn" or "ogrnip"),
        };
    }

    private static bool IsPostponement(string name) => Words(name).Any(w => w.StartsWith("отлож", StringComparison.Ordinal)
        || w.StartsWith("postpon", StringComparison.Ordinal) || w.StartsWith("перен", StringComparison.Ordinal));

    private static bool IsReason(string name) => Words(name).Any(w => w.StartsWith("причин", StringComparison.Ordinal) || w == "reason");

    private static bool IsDecisionMaker(string name) => Words(name).Any(w => w == "лпр" || w.StartsWith("decision", StringComparison.Ordinal)
        || w.StartsWith("принимающ", StringComparison.Ordinal));

    private static string[] Words(string name) => (name ?? "").ToLowerInvariant()
        .Split([' ', '-', '_', '.', '(', ')', ',', ':', '/', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries);
}
