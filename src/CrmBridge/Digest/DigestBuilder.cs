using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Kpi;
using CrmBridge.Notifications;
using CrmBridge.People;
using CrmBridge.Rules;
using Microsoft.Extensions.Options;

namespace CrmBridge.Digest;

/// <summary>
/// The head of sales' morning digest in Telegram HTML: header, yesterday against plan, the week against the KPIs,
/// funnel and forecast, key-account concentration, the base, conflicts, clients about to be taken back, cooldown
/// violations. Takes the findings of the rules engine as input, so it does not depend on it.
/// </summary>
internal sealed class DigestBuilder
{
    private readonly KpiSettings settings;
    private readonly TimeZoneInfo zone;
    private readonly DigestFormat format;
    private readonly KpiSections kpiSections;
    private readonly FindingSections findingSections;
    private readonly DigestInputs inputs;
    private readonly BotLanguage language;

    public DigestBuilder(
        IOptions<KpiOptions> kpiOptions,
        IOptions<TelegramOptions> telegramOptions,
        PortalTimeZone portalZone,
        ICardLinks links,
        PeopleConfiguration people,
        IOptions<RulesOptions>? rulesOptions = null,
        DigestInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(kpiOptions);
        ArgumentNullException.ThrowIfNull(telegramOptions);
        ArgumentNullException.ThrowIfNull(portalZone);
        language = BotLanguages.Parse(telegramOptions.Value.Language);
        settings = KpiSettingsFactory.Create(kpiOptions.Value, people, rulesOptions?.Value.SleepingDays ?? new RulesOptions().SleepingDays);
        this.inputs = inputs ?? DigestInputs.AllConfigured;
        zone = portalZone.Zone;
        format = new DigestFormat(language, zone);
        kpiSections = new KpiSections(format, this.inputs);
        findingSections = new FindingSections(format, new FindingLine(language), links);
    }

    public KpiReport Report(ClientBase clientBase, DateTimeOffset now) => KpiReportBuilder.Build(clientBase, settings, now, zone);

    public DigestMessage Build(ClientBase clientBase, IReadOnlyList<Finding> findings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var report = Report(clientBase, now);
        var sections = new List<DigestSection>
        {
            new("header", format.Text(format.Texts.Title, format.Date(now))),
            kpiSections.Yesterday(report, report.Days),
            kpiSections.Week(report, report.Weeks),
            kpiSections.Funnel(report),
            kpiSections.KeyAccounts(report),
            kpiSections.Base(report),
        };
        sections.AddRange(findingSections.Render(clientBase, findings));
        return new DigestMessage(
            report,
            sections,
            TelegramMessageSplitter.Split(sections.Select(section => section.Html)),
            Charts(report));
    }

    /// <summary>One funnel per pipeline with open deals, then the team's plan against fact.</summary>
    private List<DigestChart> Charts(KpiReport report)
    {
        var charts = new List<DigestChart>();
        foreach (var pipeline in FunnelChart.Pipelines(report.Funnel))
        {
            var caption = format.Text(
                format.Texts.FunnelChartCaption,
                TelegramHtml.Escape(FunnelChart.Title(pipeline)),
                pipeline.Stages.Sum(stage => stage.Count),
                FunnelChart.Amount(MoneyBag.Sum(pipeline.Stages.SelectMany(stage => stage.Amount.Amounts.Select(pair => (pair.Key, pair.Value)))), language));
            charts.Add(new DigestChart($"funnel|{pipeline.Key}", FunnelChart.Render(pipeline, language), caption));
        }

        if (PlanFactChart.Render(report, zone, format.Texts) is { } plan)
        {
            charts.Add(new DigestChart("plan", plan, format.Texts.ChartPlanCaption));
        }

        return charts;
    }

    /// <summary>
    /// /kpi: yesterday and the week for the managers whose name or e-mail contains the query, or for the chat's own
    /// CRM users when there is no query; everyone when neither narrows it down.
    /// </summary>
    public IReadOnlyList<string> ManagerKpi(ClientBase clientBase, DateTimeOffset now, string? query, IReadOnlyList<CrmUser> chatUsers)
    {
        ArgumentNullException.ThrowIfNull(chatUsers);
        var report = Report(clientBase, now);
        bool Wanted(SalesPerson person) =>
            !string.IsNullOrWhiteSpace(query)
                ? person.Name.Contains(query.Trim(), StringComparison.CurrentCultureIgnoreCase)
                    || (person.Email?.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)
                : chatUsers.Count == 0 || person.Users.Any(user => chatUsers.Any(chatUser => chatUser.Matches(user)));

        var sections = new[]
        {
            kpiSections.Yesterday(report, report.Days.Where(day => Wanted(day.Manager))),
            kpiSections.Week(report, report.Weeks.Where(week => Wanted(week.Manager))),
        };
        return TelegramMessageSplitter.Split(sections.Select(section => section.Html));
    }
}
