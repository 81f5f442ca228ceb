using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Clients;

/// <summary>
/// ABCDE by profitability and potential inside each sales channel (domain.md section 1). For one client (all cards of
/// its INN group) and each pipeline it has a deal in:
/// <list type="bullet">
/// <item>income: won amounts (base currency) of the client's deals in that pipeline closed in the last
/// <see cref="ClientSettings.WindowMonths"/> months;</item>
/// <item>margin: the sum of those deals' margins, known only when every one of them carries a margin (no won deal
/// in the window: margin 0);</item>
/// <item>potential: High for category A, or registry revenue ≥ <see cref="ClientSettings.PotentialMinRevenue"/>, or
/// headcount ≥ <see cref="ClientSettings.PotentialMinHeadcount"/>; Low when none holds and category B or one of those
/// values is known; Unknown otherwise.</item>
/// </list>
/// The grade, first that holds: E margin known and below zero; A income ≥ <see cref="ClientSettings.TopIncome"/> and
/// high potential; B income ≥ <see cref="ClientSettings.HighIncome"/>; C high potential; D low potential; otherwise
/// Unknown (potential unknown). Without margin data a grade A–D is given with "no margin data": E was not checked.
/// </summary>
public static class AbcdeClassifier
{
    public static IReadOnlyList<AbcdeGrade> Grade(
        ClientHistory history, CompanyCategory category, CompanyProfile? profile, ClientSettings settings, CurrencyPolicy currency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(currency);
        var potential = PotentialOf(category, profile, settings);
        var windowStart = now.AddMonths(-settings.WindowMonths);
        var channels = new List<(CrmRef Pipeline, decimal Income, decimal Margin, bool MarginKnown)>(1);
        foreach (var deal in history.Deals)
        {
            var slot = ChannelOf(channels, deal);
            if (slot < 0)
            {
                channels.Add((deal.Ref.Sibling(deal.PipelineId), 0m, 0m, true));
                slot = channels.Count - 1;
            }

            var closedAt = ClientHistory.ClosedAt(deal);
            if (deal.Outcome != DealOutcome.Won || closedAt < windowStart || closedAt >= now)
            {
                continue;
            }

            var (code, amount) = currency.Normalize(deal.Currency, deal.Amount);
            if (code != currency.BaseCurrency)
            {
                continue;
            }

            var channel = channels[slot];
            var margin = deal.Margin is { } value ? currency.Normalize(deal.Currency, value).Amount : (decimal?)null;
            channels[slot] = (channel.Pipeline, channel.Income + amount, channel.Margin + (margin ?? 0m), channel.MarginKnown && margin is not null);
        }

        var grades = new AbcdeGrade[channels.Count];
        for (var i = 0; i < channels.Count; i++)
        {
            var (pipeline, income, margin, known) = channels[i];
            grades[i] = GradeOf(pipeline, income, known ? margin : null, potential, settings);
        }

        return grades;
    }

    /// <summary>
    /// The channel of the deal's pipeline, compared by its parts (what CrmRef equality compares), so a deal of a known
    /// channel makes no reference.
    /// </summary>
    private static int ChannelOf(List<(CrmRef Pipeline, decimal Income, decimal Margin, bool MarginKnown)> channels, Deal deal)
    {
        for (var i = 0; i < channels.Count; i++)
        {
            var pipeline = channels[i].Pipeline;
            if (pipeline.Crm == deal.Ref.Crm
                && string.Equals(pipeline.Id, deal.PipelineId, StringComparison.Ordinal)
                && string.Equals(pipeline.Account, deal.Ref.Account, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public static Potential PotentialOf(CompanyCategory category, CompanyProfile? profile, ClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var revenueHigh = Reaches(profile?.Revenue, settings.PotentialMinRevenue);
        var headcountHigh = Reaches(profile?.Headcount, settings.PotentialMinHeadcount);
        if (category == CompanyCategory.A || revenueHigh == true || headcountHigh == true)
        {
            return Potential.High;
        }

        return category == CompanyCategory.B || revenueHigh is not null || headcountHigh is not null ? Potential.Low : Potential.Unknown;
    }

    private static AbcdeGrade GradeOf(CrmRef pipeline, decimal income, decimal? margin, Potential potential, ClientSettings settings)
    {
        var noMargin = margin is null ? "; no margin data, E not checked" : "";
        if (margin < 0)
        {
            return new AbcdeGrade(pipeline, ClientCategory.E, income, margin, potential, "negative margin");
        }

        var (grade, reason) = (income, potential) switch
        {
            _ when income >= settings.TopIncome && potential == Potential.High => (ClientCategory.A, "top income, high potential"),
            _ when income >= settings.HighIncome => (ClientCategory.B, "high income"),
            (_, Potential.High) => (ClientCategory.C, "low income, high potential"),
            (_, Potential.Low) => (ClientCategory.D, "low income, low potential"),
            _ => (ClientCategory.Unknown, "low income, potential unknown"),
        };
        return new AbcdeGrade(pipeline, grade, income, margin, potential, reason + noMargin);
    }

    private static bool? Reaches<T>(T? value, T? threshold)
        where T : struct, IComparable<T> =>
        threshold is { } min && value is { } known ? known.CompareTo(min) >= 0 : null;
}
