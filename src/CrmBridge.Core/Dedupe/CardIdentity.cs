using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>The INN and KPP a card is deduped by: the card's own fields, else its first requisite that has an INN.</summary>
internal readonly record struct CardIdentity(string? RawInn, string? Kpp)
{
    public static CardIdentity Of(Company company)
    {
        if (!string.IsNullOrWhiteSpace(company.Inn))
        {
            return new CardIdentity(company.Inn, Clean(company.Kpp ?? SameInnRequisiteKpp(company)));
        }

        foreach (var requisite in company.Requisites)
        {
            if (!string.IsNullOrWhiteSpace(requisite.Inn))
            {
                return new CardIdentity(requisite.Inn, Clean(requisite.Kpp));
            }
        }

        return new CardIdentity(null, null);
    }

    private static string? SameInnRequisiteKpp(Company company)
    {
        foreach (var requisite in company.Requisites)
        {
            if (requisite.Inn == company.Inn && !string.IsNullOrWhiteSpace(requisite.Kpp))
            {
                return requisite.Kpp;
            }
        }

        return null;
    }

    private static string? Clean(string? kpp)
    {
        var trimmed = kpp?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToUpperInvariant();
    }
}
