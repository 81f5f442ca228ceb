using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>How complete a card is: the count of filled fields among INN, KPP, OGRN, phone, e-mail, site and owner.</summary>
public static class CardCompleteness
{
    public static int Score(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var identity = CardIdentity.Of(company);
        var score = 0;
        score += Filled(identity.RawInn);
        score += Filled(identity.Kpp);
        score += Filled(company.Ogrn ?? FirstRequisiteOgrn(company));
        score += company.Phones.Any(p => !string.IsNullOrWhiteSpace(p)) ? 1 : 0;
        score += company.Emails.Any(e => !string.IsNullOrWhiteSpace(e)) ? 1 : 0;
        score += Filled(company.WebSite);
        score += Filled(company.OwnerId);
        return score;
    }

    private static int Filled(string? value) => string.IsNullOrWhiteSpace(value) ? 0 : 1;

    private static string? FirstRequisiteOgrn(Company company) =>
        company.Requisites.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.Ogrn))?.Ogrn;
}
