using CrmBridge.Core.Model;

namespace CrmBridge.Enrichment;

/// <summary>Problem says why an invalid INN is invalid; Cards are the company cards with this INN in any CRM.</summary>
internal sealed record InnQueryResult(bool IsValid, string? Problem, IReadOnlyList<Company> Cards, CompanyProfile? Profile);
