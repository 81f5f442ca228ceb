using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Tests.Kpi;

/// <summary>
/// Builds small client bases for KPI tests. Times are written in Moscow time (UTC+3, no DST) as "yyyy-MM-dd HH:mm".
/// Two pipelines: Bitrix24 "0" (NEW, PREPARATION, PREPAYMENT_INVOICE, EXECUTING, FINAL_INVOICE, WON, LOSE) and
/// amoCRM "555" (1001 first contact, 1002 talks, 1003 decision, 1004 contract, 142 won, 143 lost).
/// </summary>
internal sealed class KpiBaseBuilder
{
    public const string B24 = "b24.example.ru";
    public const string Amo = "amo-example";

    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private readonly List<Company> companies = [];
    private readonly List<Person> persons = [];
    private readonly List<Deal> deals = [];
    private readonly List<Activity> activities = [];
    private readonly List<Manager> managers = [];
    private readonly List<StageChange> changes = [];
    private int nextId = 1;

    public static DateTimeOffset Msk(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(3));

    public static CrmRef Ref(CrmKind crm, string id) => new(crm, crm == CrmKind.Bitrix24 ? B24 : Amo, id);

    public KpiBaseBuilder Manager(CrmKind crm, string userId, string name, string? email, bool active = true)
    {
        managers.Add(new Manager { Ref = Ref(crm, userId), Name = name, Email = email, Active = active, ModifiedAt = Msk("2026-01-01 00:00") });
        return this;
    }

    /// <param name="classified">When enrichment first decided the category (default: at creation).</param>
    public KpiBaseBuilder Company(
        CrmKind crm, string id, string title, string owner, string created, CompanyCategory category = CompanyCategory.B, string? inn = null,
        string? classified = null)
    {
        var decidedAt = Msk(classified ?? created);
        companies.Add(new Company
        {
            Ref = Ref(crm, id),
            Title = title,
            OwnerId = owner,
            CreatedAt = Msk(created),
            ModifiedAt = Msk(created),
            CategoryDecision = new CategoryDecision(category, ["test"])
            {
                DecidedAt = decidedAt,
                FirstAAt = category == CompanyCategory.A ? decidedAt : null,
            },
            Inn = inn,
        });
        return this;
    }

    public KpiBaseBuilder Contact(CrmKind crm, string owner, string created, bool decisionMaker, string? position = null, string? phone = "+7 900 000-00-00")
    {
        persons.Add(new Person
        {
            Ref = Ref(crm, $"p{nextId++}"),
            Name = "Contact",
            OwnerId = owner,
            CreatedAt = Msk(created),
            ModifiedAt = Msk(created),
            IsDecisionMaker = decisionMaker,
            Position = position,
            Phones = phone is null ? [] : [phone],
        });
        return this;
    }

    public KpiBaseBuilder Deal(
        CrmKind crm, string id, string owner, string created, string stage, decimal amount,
        DealOutcome outcome = DealOutcome.Open, string? closed = null, string currency = "RUB", string? company = null, int products = 1)
    {
        deals.Add(new Deal
        {
            Ref = Ref(crm, id),
            Title = $"Deal {id}",
            PipelineId = crm == CrmKind.Bitrix24 ? "0" : "555",
            StageId = stage,
            Amount = amount,
            Currency = currency,
            OwnerId = owner,
            CreatedAt = Msk(created),
            ModifiedAt = Msk(created),
            Outcome = outcome,
            ClosedAt = closed is null ? null : Msk(closed),
            Company = company is null ? null : Ref(crm, company),
            ProductsCount = products,
        });
        return this;
    }

    public KpiBaseBuilder Move(CrmKind crm, string dealId, string? from, string to, string at)
    {
        changes.Add(new StageChange
        {
            Ref = Ref(crm, $"sc{nextId++}"),
            Deal = Ref(crm, dealId),
            PipelineId = crm == CrmKind.Bitrix24 ? "0" : "555",
            FromStageId = from,
            ToStageId = to,
            At = Msk(at),
        });
        return this;
    }

    public KpiBaseBuilder Activity(
        CrmKind crm, ActivityKind kind, string owner, string at, bool completed = true,
        Direction direction = Direction.Outbound, string? deal = null, string? company = null)
    {
        activities.Add(new Activity
        {
            Ref = Ref(crm, $"a{nextId++}"),
            Kind = kind,
            OwnerId = owner,
            At = Msk(at),
            Completed = completed,
            Direction = direction,
            Deal = deal is null ? null : Ref(crm, deal),
            Company = company is null ? null : Ref(crm, company),
            ModifiedAt = Msk(at),
        });
        return this;
    }

    public ClientBase Build() => new()
    {
        Companies = companies,
        Persons = persons,
        Deals = deals,
        Activities = activities,
        Managers = managers,
        StageChanges = changes,
        Pipelines = [BitrixPipeline, AmoPipeline],
    };

    public static Pipeline BitrixPipeline { get; } = new()
    {
        Ref = Ref(CrmKind.Bitrix24, "0"),
        Name = "Продажи",
        ModifiedAt = Msk("2026-01-01 00:00"),
        Stages =
        [
            new("NEW", "Новая", 10, StageSemantics.Open),
            new("PREPARATION", "Подготовка", 20, StageSemantics.Open),
            new("PREPAYMENT_INVOICE", "Счёт на предоплату", 30, StageSemantics.Open),
            new("EXECUTING", "В работе", 40, StageSemantics.Open),
            new("FINAL_INVOICE", "Финальный счёт", 50, StageSemantics.Open),
            new("WON", "Сделка успешна", 60, StageSemantics.Won),
            new("LOSE", "Сделка провалена", 70, StageSemantics.Lost),
        ],
    };

    public static Pipeline AmoPipeline { get; } = new()
    {
        Ref = Ref(CrmKind.AmoCrm, "555"),
        Name = "Воронка",
        ModifiedAt = Msk("2026-01-01 00:00"),
        Stages =
        [
            new("1001", "Первичный контакт", 10, StageSemantics.Open),
            new("1002", "Переговоры", 20, StageSemantics.Open),
            new("1003", "Принимают решение", 30, StageSemantics.Open),
            new("1004", "Согласование договора", 40, StageSemantics.Open),
            new("142", "Успешно реализовано", 10000, StageSemantics.Won),
            new("143", "Закрыто и не реализовано", 11000, StageSemantics.Lost),
        ],
    };
}
