using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Tests.Rules;

/// <summary>Builds a small Bitrix24 portal: cards, contacts, deals in one pipeline, managers; times are Moscow time.</summary>
internal sealed class ClientBaseBuilder
{
    public const string Account = "portal.bitrix24.ru";
    public const string PipelineId = "0";

    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary>Day 0 of every scenario: 2026-03-02 00:00 Moscow time.</summary>
    public static readonly DateTimeOffset Day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(3));

    private readonly List<Company> _companies = [];
    private readonly List<Activity> _activities = [];
    private readonly List<Deal> _deals = [];
    private readonly List<StageChange> _stageChanges = [];
    private readonly List<OwnerChange> _ownerChanges = [];
    private readonly List<Manager> _managers = [];
    private int _nextId = 1000;

    public static readonly Pipeline SalesPipeline = new()
    {
        Ref = Ref(PipelineId),
        Name = "Продажи",
        Stages =
        [
            new Stage("NEW", "Новая", 10, StageSemantics.Open),
            new Stage("NEEDS", "Потребность", 20, StageSemantics.Open),
            new Stage("OFFER", "КП", 30, StageSemantics.Open),
            new Stage("WON", "Успех", 40, StageSemantics.Won),
            new Stage("LOSE", "Провал", 50, StageSemantics.Lost),
        ],
        ModifiedAt = Day0,
    };

    public static CrmRef Ref(string id, CrmKind crm = CrmKind.Bitrix24) =>
        new(crm, crm == CrmKind.Bitrix24 ? Account : "firm.amocrm.ru", id);

    /// <summary>Day N of the scenario at the given Moscow wall-clock time.</summary>
    public static DateTimeOffset Day(int day, int hour = 12, int minute = 0) => Day0.AddDays(day).AddHours(hour).AddMinutes(minute);

    public ClientBaseBuilder Manager(string id, string name, string? email = null, CrmKind crm = CrmKind.Bitrix24)
    {
        _managers.Add(new Manager { Ref = Ref(id, crm), Name = name, Email = email, ModifiedAt = Day0 });
        return this;
    }

    public ClientBaseBuilder Company(string id, string? owner, DateTimeOffset? createdAt = null, Func<Company, Company>? tweak = null, CrmKind crm = CrmKind.Bitrix24)
    {
        var company = new Company
        {
            Ref = Ref(id, crm),
            Title = $"ООО Компания {id}",
            OwnerId = owner,
            CreatedAt = createdAt ?? Day0,
            ModifiedAt = createdAt ?? Day0,
        };
        _companies.Add(tweak is null ? company : tweak(company));
        return this;
    }

    public ClientBaseBuilder Call(string company, string by, DateTimeOffset at, Direction direction = Direction.Outbound, bool completed = true, CrmKind crm = CrmKind.Bitrix24) =>
        Activity(company, by, at, ActivityKind.Call, direction, completed, crm);

    public ClientBaseBuilder Meeting(string company, string by, DateTimeOffset at, bool completed = true) =>
        Activity(company, by, at, ActivityKind.Meeting, Direction.None, completed);

    public ClientBaseBuilder Email(string company, string by, DateTimeOffset at) =>
        Activity(company, by, at, ActivityKind.Email, Direction.Outbound, completed: true);

    public ClientBaseBuilder Activity(string company, string by, DateTimeOffset at, ActivityKind kind, Direction direction, bool completed, CrmKind crm = CrmKind.Bitrix24)
    {
        _activities.Add(new Activity
        {
            Ref = Ref(NextId(), crm),
            Company = Ref(company, crm),
            Kind = kind,
            Direction = direction,
            OwnerId = by,
            At = at,
            Completed = completed,
            ModifiedAt = at,
        });
        return this;
    }

    public ClientBaseBuilder Deal(
        string id, string company, string owner, DateTimeOffset createdAt, string stage = "NEW", decimal amount = 0,
        DealOutcome outcome = DealOutcome.Open, DateTimeOffset? closedAt = null, string? lossReason = null, DateTimeOffset? modifiedAt = null)
    {
        _deals.Add(new Deal
        {
            Ref = Ref(id),
            Title = $"Сделка {id}",
            Company = Ref(company),
            PipelineId = PipelineId,
            StageId = stage,
            Amount = amount,
            OwnerId = owner,
            CreatedAt = createdAt,
            ModifiedAt = modifiedAt ?? closedAt ?? createdAt,
            ClosedAt = closedAt,
            Outcome = outcome,
            LossReason = lossReason,
        });
        return this;
    }

    public ClientBaseBuilder Move(string deal, string from, string to, DateTimeOffset at)
    {
        _stageChanges.Add(new StageChange { Ref = Ref(NextId()), Deal = Ref(deal), PipelineId = PipelineId, FromStageId = from, ToStageId = to, At = at });
        return this;
    }

    public ClientBaseBuilder Reassigned(string company, string? from, string to, DateTimeOffset at)
    {
        _ownerChanges.Add(new OwnerChange { Ref = Ref(NextId()), Company = Ref(company), FromOwnerId = from, ToOwnerId = to, At = at });
        return this;
    }

    public ClientBase Build() => new()
    {
        Companies = [.. _companies],
        Activities = [.. _activities],
        Deals = [.. _deals],
        StageChanges = [.. _stageChanges],
        OwnerChanges = [.. _ownerChanges],
        Managers = [.. _managers],
        Pipelines = [SalesPipeline],
    };

    public RuleInput At(DateTimeOffset now, RuleSettings? settings = null, DateTimeOffset? firstRunAt = null, params IReadOnlyList<CrmRef>[] innGroups) =>
        new(Build(), settings ?? RuleSettings.Default, now, Moscow) { FirstRunAt = firstRunAt, InnGroups = innGroups };

    private string NextId() => (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
