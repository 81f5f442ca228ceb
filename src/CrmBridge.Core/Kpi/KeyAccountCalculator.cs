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

        // One pass summing per currency and client, in the order each first appears (a year of won deals is hundreds
        // of thousands of clients: no grouping objects per client).
        var currencies = new List<CurrencyIncome>();
        foreach (var deal in context.Deals)
        {
            if (deal.Outcome != DealOutcome.Won || !window.Contains(deal.ClosedAt))
            {
                continue;
            }

            var company = deal.Company is not null ? companies.GetValueOrDefault(deal.Company) : null;
            var (currency, amount) = context.MoneyOf(deal);
            var income = currencies.Find(item => item.Currency == currency);
            if (income is null)
            {
                currencies.Add(income = new CurrencyIncome(currency));
            }

            income.Add(company, amount);
        }

        var shares = new List<KeyAccountShare>();
        foreach (var income in currencies)
        {
            foreach (var client in income.Clients)
            {
                var share = new KeyAccountShare(
                    client.Oldest.Title,
                    client.First.Inn,
                    income.Currency,
                    client.Income,
                    income.Total <= 0 ? 0 : Math.Round(client.Income * 100m / income.Total, 1));
                if (share.Level != KeyAccountLevel.None)
                {
                    shares.Add(share);
                }
            }
        }

        return shares.OrderByDescending(share => share.SharePercent).ToList();
    }

    private static string ClientKey(Company company) =>
        string.IsNullOrWhiteSpace(company.Inn) ? company.Ref.Key : company.Inn.Trim();

    /// <summary>Income in one currency: the total (deals without a company too) and each client's, in order of appearance.</summary>
    private sealed class CurrencyIncome(string currency)
    {
        private readonly Dictionary<string, ClientIncome> _byKey = new(StringComparer.Ordinal);

        public string Currency { get; } = currency;

        public decimal Total { get; private set; }

        public List<ClientIncome> Clients { get; } = [];

        public void Add(Company? company, decimal amount)
        {
            Total += amount;
            if (company is null)
            {
                return;
            }

            var key = ClientKey(company);
            if (!_byKey.TryGetValue(key, out var client))
            {
                _byKey[key] = client = new ClientIncome(company);
                Clients.Add(client);
            }

            client.Add(company, amount);
        }
    }

    /// <summary>A client's income; its name is that of its oldest card (the first of equally old ones), its INN the first card's.</summary>
    private sealed class ClientIncome(Company first)
    {
        public Company First { get; } = first;

        public Company Oldest { get; private set; } = first;

        public decimal Income { get; private set; }

        public void Add(Company company, decimal amount)
        {
            Income += amount;
            if (company.CreatedAt < Oldest.CreatedAt)
            {
                Oldest = company;
            }
        }
    }
}
