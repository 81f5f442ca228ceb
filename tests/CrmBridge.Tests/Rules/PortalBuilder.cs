using CrmBridge.Core.Model;

namespace CrmBridge.Tests.Rules;

/// <summary>Builds a small Bitrix24 portal for the rule step; times are Moscow time, day 0 is 2026-03-02.</summary>
internal sealed class PortalBuilder
{
    public const string Account = "portal.bitrix24.ru";

    public static readonly DateTimeOffset Day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(3));

    private readonly List<Company> _companies = [];
    private readonly List<Activity> _activities = [];
    private readonly List<Manager> _managers = [];
    private int _nextId = 5000;

    public static CrmRef Ref(string id) => new(CrmKind.Bitrix24, Account, id);

    public static DateTimeOffset Day(int day, int hour = 12) => Day0.AddDays(day).AddHours(hour);

    public PortalBuilder Manager(string id, string name)
    {
        _managers.Add(new Manager { Ref = Ref(id), Name = name, ModifiedAt = Day0 });
        return this;
    }

    public PortalBuilder Company(string id, string owner, DateTimeOffset? ownerSince = null, string? inn = null)
    {
        _companies.Add(new Company
        {
            Ref = Ref(id),
            Title = $"ООО Ромашка {id}",
            Inn = inn,
            OwnerId = owner,
            OwnerSince = ownerSince,
            CreatedAt = Day0,
            ModifiedAt = ownerSince ?? Day0,
        });
        return this;
    }

    public PortalBuilder Call(string company, string by, DateTimeOffset at)
    {
        _activities.Add(new Activity
        {
            Ref = Ref((_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Company = Ref(company),
            Kind = ActivityKind.Call,
            Direction = Direction.Outbound,
            OwnerId = by,
            At = at,
            Completed = true,
            ModifiedAt = at,
        });
        return this;
    }

    public ClientBase Build() => new()
    {
        Companies = [.. _companies],
        Activities = [.. _activities],
        Managers = [.. _managers],
    };
}
