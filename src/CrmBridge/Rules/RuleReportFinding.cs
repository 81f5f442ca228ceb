using CrmBridge.Core.Model;

namespace CrmBridge.Rules;

/// <summary>One finding in the report: rule, card, owner and the rule's evidence as plain strings.</summary>
internal sealed record RuleReportFinding(
    string Rule,
    string Crm,
    string Account,
    string CompanyId,
    string? Company,
    string? Inn,
    string? OwnerId,
    string Severity,
    string Period,
    string Key,
    IReadOnlyDictionary<string, string> Detail)
{
    public static RuleReportFinding From(Finding finding, Company? company)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(
            finding.Rule,
            CrmRef.CrmName(finding.Subject.Crm),
            finding.Subject.Account,
            finding.Subject.Id,
            company?.Title,
            company?.Inn,
            finding.OwnerId,
            finding.Severity.ToString().ToLowerInvariant(),
            finding.Period,
            finding.Key,
            finding.Data);
    }
}
