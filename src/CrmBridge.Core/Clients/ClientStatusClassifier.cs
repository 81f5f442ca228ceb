using System.Globalization;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Clients;

/// <summary>
/// Client status by relationship (domain.md section 1), for one client (all cards of its INN group, both CRMs).
/// The first rule that holds decides:
/// <list type="number">
/// <item>VIP, then Partner: a card's CRM status field holds a value configured for it;</item>
/// <item>New: never won a deal;</item>
/// <item>VIP, then Partner: income (won amounts closed in the last <see cref="ClientSettings.WindowMonths"/> months)
/// reaches the configured threshold;</item>
/// <item>Reactivated: the latest won deal was won within the window, and just before it the client was Sleeping or
/// Lost (<see cref="ClientHistory.StateAt"/>: a sleeping term with no won deal and no contact after it had bought, or
/// after it had only lost deals);</item>
/// <item>Regular: won at least twice, the latest win within <see cref="ClientSettings.WindowMonths"/> months of the
/// win before it;</item>
/// <item>One-off: every other client that won — one won deal, or repeat wins further apart than the window.</item>
/// </list>
/// </summary>
public static class ClientStatusClassifier
{
    /// <param name="history">Null for a client without deals.</param>
    public static ClientStatusDecision Classify(
        IReadOnlyList<Company> cards, ClientHistory? history, ClientSettings settings, CurrencyPolicy currency, DateTimeOffset now, PortalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(calendar);
        if (ByField(cards, settings) is { } marked)
        {
            return marked;
        }

        if (history is null || history.Won.Count == 0)
        {
            return new ClientStatusDecision(ClientStatus.New, "never won a deal");
        }

        var windowStart = now.AddMonths(-settings.WindowMonths);
        var income = Income(history.Won, currency, windowStart, now);
        if (settings.VipIncome is { } vip && income >= vip)
        {
            return new ClientStatusDecision(ClientStatus.Vip, string.Create(CultureInfo.InvariantCulture, $"income {income:0.##} >= VIP threshold {vip:0.##}"));
        }

        if (settings.PartnerIncome is { } partner && income >= partner)
        {
            return new ClientStatusDecision(ClientStatus.Partner, string.Create(CultureInfo.InvariantCulture, $"income {income:0.##} >= partner threshold {partner:0.##}"));
        }

        var latest = ClientHistory.ClosedAt(history.Won[^1]);
        if (latest >= windowStart && history.StateAt(latest, settings.SleepingDays, calendar) is ClientState.Sleeping or ClientState.Lost)
        {
            return new ClientStatusDecision(ClientStatus.Reactivated, "won back after sleeping or being lost");
        }

        if (history.Won.Count >= 2 && ClientHistory.ClosedAt(history.Won[^2]).AddMonths(settings.WindowMonths) >= latest)
        {
            return new ClientStatusDecision(ClientStatus.Regular, string.Create(CultureInfo.InvariantCulture, $"won again within {settings.WindowMonths} months"));
        }

        return new ClientStatusDecision(ClientStatus.OneOff, history.Won.Count == 1 ? "one won deal" : "repeat wins further apart than the window");
    }

    /// <summary>Won amounts in the base currency closed in [from, to); other currencies are kept apart and do not count.</summary>
    public static decimal Income(IEnumerable<Deal> won, CurrencyPolicy currency, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(won);
        ArgumentNullException.ThrowIfNull(currency);
        var income = 0m;
        foreach (var deal in won)
        {
            var at = ClientHistory.ClosedAt(deal);
            var (code, amount) = currency.Normalize(deal.Currency, deal.Amount);
            if (at >= from && at < to && code == currency.BaseCurrency)
            {
                income += amount;
            }
        }

        return income;
    }

    private static ClientStatusDecision? ByField(IReadOnlyList<Company> cards, ClientSettings settings)
    {
        if (settings.StatusFieldValues.Count == 0)
        {
            return null;
        }

        ClientStatusDecision? found = null;
        for (var i = 0; i < cards.Count; i++)
        {
            var value = cards[i].StatusFieldValue?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var (configured, status) in settings.StatusFieldValues)
            {
                if (status is ClientStatus.Vip or ClientStatus.Partner
                    && string.Equals(configured.Trim(), value, StringComparison.OrdinalIgnoreCase)
                    && (found is null || status == ClientStatus.Vip))
                {
                    found = new ClientStatusDecision(status, $"CRM status field says \"{value}\"");
                }
            }
        }

        return found;
    }
}
