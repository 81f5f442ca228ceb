using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// Key-account concentration by income of won deals closed in the window. One client is one INN (cards in both CRMs add
/// up); a card without an INN is a client of its own. Shares are taken within each currency, since kept-apart
/// currencies have no common total; deals without a company count toward the total only.
/// </summary>
public static class KeyAccountCalculator
{
    public static IReadOnlyList<KeyAccountShare> Compute(KpiContext context, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(context);
        var companies = context.CompaniesByRef;
        var income = context.Deals
            .Where(deal => deal.Outcome == DealOutcome.Won && window.Contains(deal.ClosedAt))
            .Select(deal => (company: deal.Company is not null ? companies.GetValueOrDefault(deal.Company) : null, money: context.MoneyOf(deal)))
            .ToList();

        return income
            .GroupBy(item => item.money.Currency)
            .SelectMany(byCurrency =>
            {
                var total = byCurrency.Sum(item => item.money.Amount);
                return byCurrency
                    .Where(item => item.company is not null)
                    .GroupBy(item => ClientKey(item.company!))
                    .Select(client => new KeyAccountShare(
                        client.OrderBy(item => item.company!.CreatedAt).First().company!.Title,
                        client.First().company!.Inn,
                        byCurrency.Key,
                        client.Sum(item => item.money.Amount),
                        total <= 0 ? 0 : Math.Round(client.Sum(item => item.money.Amount) * 100m / total, 1)));
            })
            .Where(share => share.Level != KeyAccountLevel.None)
            .OrderByDescending(share => share.SharePercent)
            .ToList();
    }

    private static string ClientKey(Company company) =>
        string.IsNullOrWhiteSpace(company.Inn) ? company.Ref.Key : company.Inn.Trim();
}
