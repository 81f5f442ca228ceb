using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Digest;
using CrmBridge.Foundation;
using CrmBridge.Kpi;
using CrmBridge.Notifications;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Digest;

/// <summary>
/// A small portal for rendering tests: two managers (one with a name that needs escaping), a few deals on the Bitrix24
/// default pipeline, a card named like markup, and one finding of each rule the digest reports.
/// </summary>
internal static class DigestScenario
{
    public const string Account = "b24.example.ru";
    public const string EvilCompany = "ООО <Рога & Копыта>";
    public const string EvilManager = "Иван <b>Грозный</b>";

    public static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(3));

    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public static CrmRef Ref(string id) => new(CrmKind.Bitrix24, Account, id);

    public static ClientBase Base(int extraCompanies = 0) => new()
    {
        Managers =
        [
            new Manager { Ref = Ref("7"), Name = "Анна", Email = "anna@x.ru", ModifiedAt = Now },
            new Manager { Ref = Ref("9"), Name = EvilManager, Email = "ivan@x.ru", ModifiedAt = Now },
        ],
        Companies =
        [
            new Company { Ref = Ref("C1"), Title = EvilCompany, OwnerId = "7", CreatedAt = Now.AddDays(-100), ModifiedAt = Now, Category = ClientCategory.A },
            .. Enumerable.Range(0, extraCompanies).Select(index => new Company
            {
                Ref = Ref($"X{index}"), Title = $"Компания номер {index} с длинным названием для проверки разбиения", OwnerId = "9",
                CreatedAt = Now.AddDays(-50), ModifiedAt = Now,
            }),
        ],
        Pipelines =
        [
            new Pipeline
            {
                Ref = Ref("0"), Name = "Продажи", ModifiedAt = Now,
                Stages =
                [
                    new("NEW", "Новая", 10, StageSemantics.Open), new("PREPARATION", "Подготовка <КП>", 20, StageSemantics.Open),
                    new("EXECUTING", "В работе", 30, StageSemantics.Open), new("WON", "Успех", 40, StageSemantics.Won),
                    new("LOSE", "Провал", 50, StageSemantics.Lost),
                ],
            },
        ],
        Deals =
        [
            Deal("D1", "NEW", 100_000m, "7"),
            Deal("D2", "EXECUTING", 250_000m, "9"),
            Deal("D3", "WON", 300_000m, "7") with { Outcome = DealOutcome.Won, ClosedAt = Now.AddHours(-12), Company = Ref("C1") },
        ],
        Activities =
        [
            new Activity { Ref = Ref("A1"), Kind = ActivityKind.Call, OwnerId = "7", At = Now.AddHours(-20), Completed = true, ModifiedAt = Now },
        ],
    };

    public static IReadOnlyList<Finding> Findings(int extraCompanies = 0) =>
    [
        Finding(RuleNames.Conflict, "C1", new() { ["managerNames"] = $"Анна, {EvilManager}" }),
        Finding(RuleNames.Duplicate, "C1", new() { ["masterRef"] = Ref("M1").Key, ["masterOwner"] = "9", ["masterTitle"] = EvilCompany, ["inn"] = "7707083893" }),
        Finding(RuleNames.OwnershipWarning, "C1", new() { ["daysLeft"] = "5", ["dueOn"] = "2026-11-23" }),
        Finding(RuleNames.Cooldown, "C1", new() { ["restUntil"] = "2026-12-01", ["managerName"] = EvilManager, ["contactAt"] = "2026-11-17T10:00:00+03:00" }),
        .. Enumerable.Range(0, extraCompanies).Select(index =>
            Finding(RuleNames.OwnershipWarning, $"X{index}", new() { ["daysLeft"] = "3", ["dueOn"] = "2026-11-21" })),
    ];

    public static DigestBuilder Builder(string language = "ru", Action<KpiOptions>? kpi = null, DigestInputs? inputs = null)
    {
        var kpiOptions = new KpiOptions
        {
            DepartmentMonthlyPlan = 1_000_000m,
            Managers = new() { ["anna@x.ru"] = new ManagerPlanOptions { PlanSharePercent = 50, Daily = new DailyPlanOptions { Calls = 20, Meetings = 2, DealsCreated = 1, DealsWon = 1 } } },
        };
        kpi?.Invoke(kpiOptions);
        return new DigestBuilder(
            Options.Create(kpiOptions),
            Options.Create(new TelegramOptions { Language = language }),
            new PortalTimeZone(Moscow),
            new FixedCardLinks(),
            Support.TestPeople.None,
            inputs: inputs);
    }

    private static Deal Deal(string id, string stage, decimal amount, string owner) => new()
    {
        Ref = Ref(id),
        Title = id,
        PipelineId = "0",
        StageId = stage,
        Amount = amount,
        OwnerId = owner,
        CreatedAt = Now.AddDays(-30),
        ModifiedAt = Now,
    };

    public static Finding Finding(string rule, string company, Dictionary<string, string> data) => new()
    {
        Rule = rule,
        Subject = Ref(company),
        DetectedAt = Now,
        Data = data,
        Severity = Severity.Warning,
    };

    private sealed class FixedCardLinks : ICardLinks
    {
        public Uri? CardUrl(CrmRef company) => new($"https://{company.Account}/crm/company/details/{company.Id}/?a=1&b=2");
    }
}
