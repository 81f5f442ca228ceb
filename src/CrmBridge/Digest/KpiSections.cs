using CrmBridge.Core.Clients;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Notifications;

namespace CrmBridge.Digest;

/// <summary>
/// The numeric sections of the digest: yesterday, the week, funnel and forecast, concentration, the base. A figure whose
/// input is not configured says what to set instead of showing a zero.
/// </summary>
internal sealed class KpiSections(DigestFormat format, DigestInputs inputs)
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
        // A figure whose input is not configured is a dash on each manager's line and said once under the title, so
        // the head reads what to set once, not once per manager.
        var gaps = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var week in weeks)
        {
            var norms = week.Norms;
            var needToProposal = week.AverageNeedToProposalDays is { } days ? format.Text(T.NeedToProposal, format.Days(days)) : "";
            string categoryA, decisionMakers;
            if (week.NewCategoryACompanies == 0 && inputs.CategoryCriteria is { } criteria)
            {
                categoryA = T.NotShown;
                gaps.Add(format.Text(T.WeekCategoryANotSet, criteria));
            }
            else
            {
                categoryA = Norm(week.NewCategoryACompanies, norms.NewCategoryACompanies, week.NewCompaniesMet);
            }

            if (week.DecisionMakers == 0 && inputs.DecisionMakerField is { } field)
            {
                decisionMakers = T.NotShown;
                gaps.Add(format.Text(T.WeekDecisionMakersNotSet, field));
            }
            else
            {
                decisionMakers = $"{week.DecisionMakers}/{norms.DecisionMakers}–{norms.DecisionMakersVeryGood} {DecisionMark(week.DecisionMakerLevel)}";
            }

            lines.Add(TelegramHtml.Bold(Name(week.Manager)));
            lines.Add(format.Text(
                T.WeekLine1,
                categoryA,
                decisionMakers,
                Norm(week.NeedsIdentified, norms.NeedsIdentified, week.NeedsMet),
                Norm(week.ProposalsSent, norms.ProposalsSent, week.ProposalsMet),
                needToProposal));
            lines.Add(format.Text(T.WeekLine2, week.ClosingDeals, week.FollowUpCalls, norms.FollowUpCallsPerClosingDeal, week.ClosingDealsBelowNorm, DigestFormat.Mark(week.FollowUpMet)));
        }

        var empty = lines.Count == 1;
        lines.InsertRange(1, gaps);
        return new DigestSection("week", Join(lines, empty));
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
        // A pipeline name used in both CRMs ("Тендеры" twice) names its CRM, so the two rows cannot be mistaken.
        var shared = funnel.Stages
            .Where(stage => stage.Pipeline is not null)
            .GroupBy(stage => stage.PipelineName, StringComparer.CurrentCultureIgnoreCase)
            .Where(group => group.Select(stage => stage.Pipeline!.Crm).Distinct().Count() > 1)
            .Select(group => group.Key)
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        lines.AddRange(funnel.Stages.Select(stage =>
            $"  {TelegramHtml.Escape(PipelineLabel(stage, shared))} / {TelegramHtml.Escape(stage.StageName)}: {stage.Count} · {format.Money(stage.Amount)} · {format.Days(stage.AverageDays)}"));
        var slice = (FunnelKind kind) => funnel.ByFunnel.TryGetValue(kind, out var found) ? found : new FunnelSlice(0, MoneyBag.Empty, 0);
        lines.Add(format.Text(
            T.Funnels,
            slice(FunnelKind.Acquisition).OpenCount, slice(FunnelKind.Acquisition).LostCount,
            slice(FunnelKind.Retention).OpenCount, slice(FunnelKind.Retention).LostCount,
            slice(FunnelKind.Reactivation).OpenCount, slice(FunnelKind.Reactivation).LostCount));
        if (funnel.LostReasons.Count > 0)
        {
            lines.Add(format.Text(T.LostReasons, string.Join(" · ", funnel.LostReasons.Take(5).Select(reason =>
                $"{TelegramHtml.Escape(reason.Reason ?? T.NoLossReason)} {reason.Count}"))));
        }

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
        var structure = report.Base;
        var categories = structure.ByCategory.Select(pair => $"{(pair.Key == ClientCategory.Unknown ? "?" : pair.Key.ToString())} {pair.Value}");
        var statuses = structure.ByStatus.Select(pair => $"{T.StatusNames[(int)pair.Key]} {pair.Value}");
        var lines = new List<string>
        {
            T.BaseTitle,
            inputs.CategoryCriteria is { } criteria && structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.A) + structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.B) == 0
                ? $"A/B: {format.Text(T.NotConfigured, criteria)}"
                : format.Text(
                    T.BaseAb,
                    structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.A),
                    structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.B),
                    structure.ByCompanyCategory.GetValueOrDefault(CompanyCategory.Unknown)),
            format.Text(T.BaseCategories, string.Join(" · ", categories)),
        };
        if (structure.WithoutMarginData > 0 && inputs.MarginField is { } margin)
        {
            lines.Add(format.Text(T.NoMarginData, structure.WithoutMarginData, margin));
        }

        lines.Add(format.Text(T.BaseStatuses, string.Join(" · ", statuses)));
        return new DigestSection("base", string.Join('\n', lines));
    }

    private static string Name(SalesPerson person) => TelegramHtml.Escape(person.Name);

    private static string PipelineLabel(StageFigure stage, HashSet<string> shared) =>
        stage.Pipeline is { } pipeline && shared.Contains(stage.PipelineName)
            ? $"{stage.PipelineName} ({(pipeline.Crm == CrmKind.Bitrix24 ? "Bitrix24" : "amoCRM")})"
            : stage.PipelineName;

    private static string Norm(int actual, int norm, bool met) => $"{actual}/{norm} {DigestFormat.Mark(met)}";

    private static string DecisionMark(DecisionMakerLevel level) => level switch
    {
        DecisionMakerLevel.VeryGood => "🌟",
        DecisionMakerLevel.Normal => "✅",
        _ => "❌",
    };

    private string Join(List<string> lines, bool empty) => string.Join('\n', empty ? [.. lines, T.NoManagers] : lines);
}
