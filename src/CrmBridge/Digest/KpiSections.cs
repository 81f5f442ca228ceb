using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Notifications;

namespace CrmBridge.Digest;

/// <summary>The numeric sections of the digest: yesterday, the week, funnel and forecast, concentration, the base.</summary>
internal sealed class KpiSections(DigestFormat format)
{
    private DigestTexts T => format.Texts;

    public DigestSection Yesterday(KpiReport report, IEnumerable<ManagerDay> days)
    {
        var lines = new List<string> { format.Text(T.YesterdayTitle, format.Date(report.Yesterday.From)), T.YesterdayLegend };
        foreach (var day in days)
        {
            var won = day.WonAmount.IsEmpty ? "" : $" ({format.Money(day.WonAmount)})";
            lines.Add($"{Name(day.Manager)}: 📞 {DigestFormat.Against(day.Calls, day.Plan?.Calls)} · 🤝 {DigestFormat.Against(day.Meetings, day.Plan?.Meetings)}"
                + $" · 🆕 {DigestFormat.Against(day.DealsCreated, day.Plan?.DealsCreated)} · 🏆 {DigestFormat.Against(day.DealsWon, day.Plan?.DealsWon)}{won}");
        }

        return new DigestSection("yesterday", Join(lines, lines.Count == 2));
    }

    public DigestSection Week(KpiReport report, IEnumerable<ManagerWeek> weeks)
    {
        var lines = new List<string> { format.Text(T.WeekTitle, format.Date(report.Week.From)) };
        foreach (var week in weeks)
        {
            var norms = week.Norms;
            var needToProposal = week.AverageNeedToProposalDays is { } days ? format.Text(T.NeedToProposal, format.Days(days)) : "";
            lines.Add(TelegramHtml.Bold(Name(week.Manager)));
            lines.Add(format.Text(
                T.WeekLine1,
                Norm(week.NewCategoryACompanies, norms.NewCategoryACompanies, week.NewCompaniesMet),
                $"{week.DecisionMakers}/{norms.DecisionMakers}–{norms.DecisionMakersVeryGood} {DecisionMark(week.DecisionMakerLevel)}",
                Norm(week.NeedsIdentified, norms.NeedsIdentified, week.NeedsMet),
                Norm(week.ProposalsSent, norms.ProposalsSent, week.ProposalsMet),
                needToProposal));
            lines.Add(format.Text(T.WeekLine2, week.ClosingDeals, week.FollowUpCalls, norms.FollowUpCallsPerClosingDeal, week.ClosingDealsBelowNorm, DigestFormat.Mark(week.FollowUpMet)));
        }

        return new DigestSection("week", Join(lines, lines.Count == 1));
    }

    public DigestSection Funnel(KpiReport report)
    {
        var funnel = report.Funnel;
        var lines = new List<string>
        {
            T.FunnelTitle,
            format.Text(T.FunnelTotal, funnel.OpenCount, format.Money(funnel.OpenAmount)),
            format.Text(T.Forecast, format.Money(funnel.Forecast)),
        };
        if (report.Sufficiency is { } plan)
        {
            var money = (decimal value) => $"{format.Number(value)} {plan.Currency}";
            lines.Add(format.Text(plan.Sufficient ? T.PlanEnough : T.PlanShort, money(plan.Plan), money(plan.WonThisMonth), money(plan.Remaining)));
            lines.AddRange(plan.Managers.Select(manager =>
                format.Text(T.ManagerPlan, Name(manager.Manager), money(manager.Plan), money(manager.Won), money(manager.Forecast))));
        }

        lines.Add(T.StagesHeader);
        lines.AddRange(funnel.Stages.Select(stage =>
            $"  {TelegramHtml.Escape(stage.PipelineName)} / {TelegramHtml.Escape(stage.StageName)}: {stage.Count} · {format.Money(stage.Amount)} · {format.Days(stage.AverageDays)}"));
        lines.Add(format.Text(T.Lost, funnel.LostBeforeClosing, funnel.LostAfterClosing, funnel.ReachedClosing));
        lines.Add(format.Text(T.Won, funnel.WonCount, format.Money(funnel.WonAmount), format.Money(funnel.AverageCheck), format.Days(funnel.AverageDealDays)));
        lines.Add(format.Text(T.TopZone, funnel.TopZoneCount, format.Money(funnel.TopZoneAmount)));
        lines.Add(format.Text(T.Complex, funnel.ComplexCount, format.Money(funnel.ComplexAmount)));
        var before = report.FunnelYearBefore;
        lines.Add(format.Text(T.YearBefore, before.OpenCount, format.Money(before.OpenAmount), format.Money(before.Forecast), before.WonCount, format.Money(before.WonAmount)));
        return new DigestSection("funnel", string.Join('\n', lines));
    }

    public DigestSection KeyAccounts(KpiReport report)
    {
        var lines = new List<string> { T.KeyAccountsTitle };
        lines.AddRange(report.KeyAccounts.Select(share => format.Text(
            T.KeyAccountLine,
            TelegramHtml.Escape(share.ClientName),
            share.SharePercent.ToString("0.#", format.Culture),
            share.Currency,
            T.KeyAccountLevels[(int)share.Level])));
        if (report.KeyAccounts.Count == 0)
        {
            lines.Add(T.NoKeyAccounts);
        }

        return new DigestSection("key-accounts", string.Join('\n', lines));
    }

    public DigestSection Base(KpiReport report)
    {
        var categories = report.Base.ByCategory.Select(pair => $"{(pair.Key == ClientCategory.Unknown ? "?" : pair.Key.ToString())} {pair.Value}");
        var statuses = report.Base.ByStatus.Select(pair => $"{T.StatusNames[(int)pair.Key]} {pair.Value}");
        return new DigestSection("base", string.Join('\n', T.BaseTitle,
            format.Text(T.BaseCategories, string.Join(" · ", categories)),
            format.Text(T.BaseStatuses, string.Join(" · ", statuses))));
    }

    private static string Name(SalesPerson person) => TelegramHtml.Escape(person.Name);

    private static string Norm(int actual, int norm, bool met) => $"{actual}/{norm} {DigestFormat.Mark(met)}";

    private static string DecisionMark(DecisionMakerLevel level) => level switch
    {
        DecisionMakerLevel.VeryGood => "🌟",
        DecisionMakerLevel.Normal => "✅",
        _ => "❌",
    };

    private string Join(List<string> lines, bool empty) => string.Join('\n', empty ? [.. lines, T.NoManagers] : lines);
}
