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
    IReadOnlyDictionary<string, string> Detail);
