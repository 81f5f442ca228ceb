using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Tests.Sync;

/// <summary>
/// A client base that lives on day by day, the same in every copy made with the same seed: cards sharing INNs across
/// both CRMs, managers calling each other's clients, deals moving, postponed and quarantined cards, and each day
/// edits, reassignments, new deals and contacts, INN corrections and deletions. A connector reads it; releases
/// written back by CrmBridge change it as a real portal would.
/// </summary>
internal sealed class ScriptedCrm
{
    public const string PoolUserId = "99";
    public static readonly string[] ManagerIds = ["1", "2", "3", "4", "5"];
    public static readonly Dictionary<CrmKind, string> Accounts = new()
    {
        [CrmKind.Bitrix24] = "portal.bitrix24.ru",
        [CrmKind.AmoCrm] = "team.amocrm.ru",
    };

    private readonly Random _random;
    private readonly Func<DateTimeOffset> _now;
    private readonly Dictionary<CrmRef, Company> _companies = [];
    private readonly Dictionary<CrmRef, Deal> _deals = [];
    private readonly Dictionary<CrmRef, Activity> _activities = [];
    private readonly Dictionary<CrmRef, StageChange> _stageChanges = [];
    private readonly Dictionary<CrmRef, OwnerChange> _ownerChanges = [];
    private readonly List<string> _inns = [];
    private int _nextId = 1000;

    public ScriptedCrm(int seed, int companiesPerCrm, Func<DateTimeOffset> now)
    {
        _random = new Random(seed);
        _now = now;
        for (var i = 0; i < companiesPerCrm * 2 / 3; i++)
        {
            _inns.Add(ValidInn());
        }

        foreach (var crm in Accounts.Keys)
        {
            for (var i = 0; i < companiesPerCrm; i++)
            {
                AddCompany(crm, now().AddDays(-_random.Next(1, 120)));
            }
        }
    }

    public IEnumerable<Company> Companies(CrmKind crm) => _companies.Values.Where(c => c.Ref.Crm == crm);

    public IEnumerable<Deal> Deals(CrmKind crm) => _deals.Values.Where(d => d.Ref.Crm == crm);

    public IEnumerable<Activity> Activities(CrmKind crm) => _activities.Values.Where(a => a.Ref.Crm == crm);

    public IEnumerable<StageChange> StageChanges(CrmKind crm) => _stageChanges.Values.Where(s => s.Ref.Crm == crm);

    public IEnumerable<OwnerChange> OwnerChanges(CrmKind crm) => _ownerChanges.Values.Where(o => o.Ref.Crm == crm);

    public IReadOnlyList<Manager> Managers(CrmKind crm) =>
        [.. ManagerIds.Append(PoolUserId).Select(id => new Manager
        {
            Ref = Ref(crm, id),
            Name = id == PoolUserId ? "Общий пул" : $"Менеджер {id}",
            Email = id == PoolUserId ? null : $"m{id}@example.ru",
            ModifiedAt = _now(),
        })];

    public Pipeline Pipeline(CrmKind crm) => new()
    {
        Ref = Ref(crm, "1"),
        Name = "Продажи",
        Stages =
        [
            new Stage("NEW", "Новая", 10, StageSemantics.Open),
            new Stage("WORK", "В работе", 20, StageSemantics.Open),
            new Stage("OFFER", "КП", 30, StageSemantics.Open),
            new Stage("WON", "Успех", 40, StageSemantics.Won),
            new Stage("LOSE", "Провал", 50, StageSemantics.Lost),
        ],
        ModifiedAt = _now(),
    };

    /// <summary>What happens in the CRMs during one part of a day.</summary>
    public void LiveOn()
    {
        var now = _now();
        for (var i = 0; i < 3; i++)
        {
            Edit(Pick(_companies.Values), c => c with { Title = c.Title + "+", Phones = [$"+7 495 {_random.Next(1000000, 9999999)}"] });
        }

        for (var i = 0; i < 2; i++)
        {
            Reassign(Pick(_companies.Values).Ref, Pick(ManagerIds));
        }

        for (var i = 0; i < 2; i++)
        {
            var company = Pick(_companies.Values);
            var deal = AddDeal(company, now.AddMinutes(-_random.Next(1, 300)));
            if (_random.Next(2) == 0)
            {
                MoveDeal(deal.Ref, _random.Next(3) == 0 ? "WON" : "OFFER", now);
            }
        }

        for (var i = 0; i < 4; i++)
        {
            AddActivity(Pick(_companies.Values), now.AddMinutes(-_random.Next(1, 600)));
        }

        if (_random.Next(2) == 0)
        {
            // A contact logged ahead of time: it counts from its moment on.
            AddActivity(Pick(_companies.Values), now.AddHours(_random.Next(1, 30)));
        }

        switch (_random.Next(6))
        {
            case 0:
                Edit(Pick(_companies.Values), c => c with { IsDeleted = true });
                break;
            case 1:
                var deal = Pick(_deals.Values);
                _deals[deal.Ref] = deal with { IsDeleted = true, ModifiedAt = now };
                break;
            case 2:
                var activity = Pick(_activities.Values);
                _activities[activity.Ref] = activity with { IsDeleted = true, ModifiedAt = now };
                break;
            case 3:
                // An INN corrected: the card leaves one group and joins another.
                Edit(Pick(_companies.Values), c => c with { Inn = Pick(_inns) });
                break;
            case 4:
                Edit(Pick(_companies.Values), c => c with { PostponedUntil = now.AddDays(_random.Next(1, 10)), PostponeReason = "Бюджет на следующий квартал" });
                break;
            default:
                AddCompany(Pick(Accounts.Keys.ToList()), now.AddMinutes(-5));
                break;
        }
    }

    /// <summary>A write-back from CrmBridge: the card goes to another user, as the portal would record it.</summary>
    public void Reassign(CrmRef company, string ownerId)
    {
        if (!_companies.TryGetValue(company, out var card) || card.OwnerId == ownerId)
        {
            return;
        }

        var now = _now();
        _ownerChanges[Ref(company.Crm, NextId())] = new OwnerChange
        {
            Ref = Ref(company.Crm, NextId()),
            Company = company,
            FromOwnerId = card.OwnerId,
            ToOwnerId = ownerId,
            At = now,
        };
        _companies[company] = card with { OwnerId = ownerId, OwnerSince = now, ModifiedAt = now };
    }

    private void AddCompany(CrmKind crm, DateTimeOffset created)
    {
        var id = NextId();
        var inn = _random.Next(10) switch
        {
            0 => null,
            1 => "7707083894",
            _ => Pick(_inns),
        };
        var owner = Pick(ManagerIds);
        var company = new Company
        {
            Ref = Ref(crm, id),
            Title = $"ООО Клиент {id}",
            Inn = inn,
            Kpp = inn is null ? null : (_random.Next(4) == 0 ? "773601001" : "770701001"),
            Requisites = inn is null ? [] : [new Requisite(inn, null, null, $"ООО Клиент {id}") { Id = id }],
            OwnerId = owner,
            CreatedAt = created,
            ModifiedAt = created,
            Phones = [$"+7 495 {_random.Next(1000000, 9999999)}"],
            PostponedUntil = _random.Next(12) == 0 ? created.AddDays(_random.Next(100, 140)) : null,
            PostponeReason = _random.Next(12) == 0 ? "Нет бюджета" : null,
            QuarantinedUntil = _random.Next(15) == 0 ? created.AddDays(_random.Next(100, 140)) : null,
        };
        _companies[company.Ref] = company;
        for (var i = _random.Next(3); i > 0; i--)
        {
            var deal = AddDeal(company, created.AddDays(_random.Next(0, 20)));
            if (_random.Next(3) == 0)
            {
                MoveDeal(deal.Ref, _random.Next(2) == 0 ? "WON" : "LOSE", deal.CreatedAt.AddDays(_random.Next(1, 30)));
            }
        }

        for (var i = _random.Next(5); i > 0; i--)
        {
            AddActivity(company, created.AddDays(_random.Next(0, 60)));
        }
    }

    private Deal AddDeal(Company company, DateTimeOffset created)
    {
        var deal = new Deal
        {
            Ref = Ref(company.Ref.Crm, NextId()),
            Title = $"Сделка {company.Title}",
            Company = company.Ref,
            PipelineId = "1",
            StageId = "NEW",
            StageEnteredAt = created,
            Amount = _random.Next(3) == 0 ? 0 : _random.Next(10, 500) * 1000,
            OwnerId = _random.Next(4) == 0 ? Pick(ManagerIds) : company.OwnerId,
            CreatedAt = created,
            ModifiedAt = created,
        };
        _deals[deal.Ref] = deal;
        return deal;
    }

    private void MoveDeal(CrmRef reference, string stage, DateTimeOffset at)
    {
        var deal = _deals[reference];
        var outcome = stage switch { "WON" => DealOutcome.Won, "LOSE" => DealOutcome.Lost, _ => DealOutcome.Open };
        _stageChanges[Ref(reference.Crm, NextId())] = new StageChange
        {
            Ref = Ref(reference.Crm, NextId()),
            Deal = reference,
            PipelineId = "1",
            FromStageId = deal.StageId,
            ToStageId = stage,
            At = at,
            ByUserId = deal.OwnerId,
        };
        _deals[reference] = deal with
        {
            StageId = stage,
            StageEnteredAt = at,
            Outcome = outcome,
            ClosedAt = outcome == DealOutcome.Open ? null : at,
            LossReason = outcome == DealOutcome.Lost ? "Дорого" : null,
            ModifiedAt = at > deal.ModifiedAt ? at : deal.ModifiedAt,
        };
    }

    private void AddActivity(Company company, DateTimeOffset at)
    {
        var kind = _random.Next(4) switch { 0 => ActivityKind.Meeting, 1 => ActivityKind.Email, _ => ActivityKind.Call };
        var activity = new Activity
        {
            Ref = Ref(company.Ref.Crm, NextId()),
            Company = company.Ref,
            Kind = kind,
            Direction = _random.Next(3) == 0 ? Direction.Inbound : Direction.Outbound,
            OwnerId = _random.Next(3) == 0 ? Pick(ManagerIds) : company.OwnerId,
            At = at,
            Completed = _random.Next(5) != 0,
            ModifiedAt = at,
        };
        _activities[activity.Ref] = activity;
    }

    private void Edit(Company company, Func<Company, Company> change) =>
        _companies[company.Ref] = change(company) with { ModifiedAt = _now() };

    private T Pick<T>(IEnumerable<T> items)
    {
        var list = items as IReadOnlyList<T> ?? [.. items];
        return list[_random.Next(list.Count)];
    }

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    private static CrmRef Ref(CrmKind crm, string id) => new(crm, Accounts[crm], id);

    /// <summary>A ten-digit INN with a valid check digit.</summary>
    private string ValidInn()
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var digits = new int[9];
        digits[0] = _random.Next(1, 10);
        for (var i = 1; i < 9; i++)
        {
            digits[i] = _random.Next(10);
        }

        var check = digits.Select((d, i) => d * weights[i]).Sum() % 11 % 10;
        return string.Concat(digits) + check.ToString(CultureInfo.InvariantCulture);
    }
}
