using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// Regenerates company g from (seed, g) alone. Background cards are clean by construction: unique INNs and names,
/// contacts at least 31 days apart, managers' cards progressing within 22 days, nothing on or after yesterday. Their
/// pipeline work (<see cref="SalesStory"/>) and every deal's margin and loss reason come from streams of their own.
/// </summary>
internal sealed class CompanySketcher(SamplePortalSpec spec, int bitrixCount, IReadOnlyDictionary<int, PlantedRole> planted)
{
    /// <summary>One free background card in this many goes to the integration user.</summary>
    private const int TechnicalShare = 8;

    /// <summary>One amoCRM background card in this many keeps its INN in the text field only.</summary>
    private const int InnFieldOnlyShare = 4;

    private readonly PortalClock _clock = new(spec.Now, spec.UtcOffset);

    public (CrmKind Crm, int Local) Locate(int index) =>
        index < bitrixCount ? (CrmKind.Bitrix24, index) : (CrmKind.AmoCrm, index - bitrixCount);

    public PortalCompany Sketch(int index)
    {
        var (crm, local) = Locate(index);
        planted.TryGetValue(index, out var role);
        var legal = LegalIdentity.For(spec.Seed, role is { LegalIndex: >= 0 } ? role.LegalIndex : index);
        var random = new SeededRandom(spec.Seed, (index * 8L) + 2);
        var id = PortalIds.Company(crm, local);
        var builder = new CompanyBuilder(crm, local, new SeededRandom(spec.Seed, (index * 8L) + 4));
        DateTimeOffset created;
        int owner;
        if (role is null)
        {
            owner = random.Chance(0.3) ? PortalUsers.Manager(random.Next(PortalUsers.ManagerCount)) : PortalUsers.Pool;
            created = _clock.YesterdayStart.AddDays(-random.NextDouble(370, 1200));
            Background(builder, ref random, owner, created);

            // Some free cards belong to the integration user instead: same history, an owner who never calls.
            owner = owner == PortalUsers.Pool && index % TechnicalShare == 3 ? PortalUsers.Technical : owner;
        }
        else
        {
            owner = role.Owner;
            created = spec.Now.AddDays(-role.CreatedDaysAgo).AddMinutes(-random.Next(600));
            new PlantedTimeline(_clock, role).Build(builder, ref random);
        }

        builder.AddPerson(ref random, created.AddDays(random.NextDouble(1, 20)), id);
        if (random.Chance(0.5))
        {
            builder.AddPerson(ref random, created.AddDays(random.NextDouble(1, 20)), id);
        }

        var (inn, kpp, ogrn) = Requisites(role, legal, random.Next(40, 99));
        if (role is null)
        {
            var story = new SeededRandom(spec.Seed, (index * 8L) + 5);
            new SalesStory(_clock, spec.Size).Tell(builder, ref story, owner, id);
        }

        var modified = created;
        foreach (var deal in builder.Deals)
        {
            modified = deal.ModifiedAt > modified ? deal.ModifiedAt : modified;
        }

        foreach (var activity in builder.Activities)
        {
            modified = activity.At > modified ? activity.At : modified;
        }

        return new PortalCompany
        {
            Index = index,
            Crm = crm,
            Id = id,
            Title = role?.TitleOverride ?? (role?.Kind == PlantedKind.BranchOffice ? $"{legal.ShortName}, филиал" : legal.ShortName),
            LegalIndex = legal.Index,
            SoleTrader = legal.SoleTrader,
            Inn = inn,
            Kpp = kpp,
            InnFieldOnly = role is null && crm == CrmKind.AmoCrm && index % InnFieldOnlyShare == 1,
            Ogrn = ogrn,
            OwnerUser = owner,
            CreatedAt = created,
            ModifiedAt = modified,
            Phone = "+7" + (legal.SoleTrader ? "9" : "4") + (100_000_000 + (legal.Index * 37L % 900_000_000)).ToString(CultureInfo.InvariantCulture),
            Email = "office" + legal.Index.ToString(CultureInfo.InvariantCulture) + "@client.example",
            WebSite = legal.SoleTrader ? null : "https://client" + legal.Index.ToString(CultureInfo.InvariantCulture) + ".example",
            PostponedUntil = role?.Kind switch
            {
                PlantedKind.PostponedDue => _clock.TodayStart,
                PlantedKind.PostponedLater => _clock.TodayStart.AddDays(120),
                _ => null,
            },
            PostponeReason = role?.Kind is PlantedKind.PostponedDue or PlantedKind.PostponedLater
                ? "Закупки перенесены в головной офис в другом регионе"
                : null,
            Deals = builder.Deals,
            Activities = builder.Activities,
            Contacts = builder.Contacts,
            OwnerChanges = builder.OwnerChanges,
        };
    }

    private static (string? Inn, string? Kpp, string? Ogrn) Requisites(PlantedRole? role, LegalIdentity legal, int branchOffice) => role?.Kind switch
    {
        PlantedKind.ProbableCopy => (null, null, null),
        PlantedKind.InvalidInn => (RussianIdentifiers.BreakLastDigit(legal.Inn), legal.Kpp, legal.Ogrn),
        PlantedKind.BranchOffice => (legal.Inn, legal.TaxOffice[..2] + branchOffice.ToString("00", CultureInfo.InvariantCulture) + "43001", legal.Ogrn),
        _ => (legal.Inn, legal.Kpp, legal.Ogrn),
    };

    private void Background(CompanyBuilder builder, ref SeededRandom random, int owner, DateTimeOffset created)
    {
        var y = _clock.YesterdayStart;
        var owned = owner != PortalUsers.Pool;
        if (owned)
        {
            if (random.Chance(0.5))
            {
                OldClosedDeal(builder, ref random, owner, y.AddDays(-random.NextDouble(200, 360)));
            }

            var recent = y.AddDays(-random.NextDouble(0.5, 22));
            if (random.Chance(0.5))
            {
                builder.AddDeal(ref random, owner, recent, (PortalPipeline.Preparation, recent + ((y - recent) / 2)));
            }
            else
            {
                builder.AddDeal(ref random, owner, recent);
            }
        }
        else
        {
            var count = random.Next(3);
            for (var i = 0; i < count; i++)
            {
                OldClosedDeal(builder, ref random, PortalUsers.Manager(random.Next(PortalUsers.ManagerCount)), y.AddDays(-random.NextDouble(60, 360)));
            }
        }

        var at = owned ? y.AddDays(-random.NextDouble(1, 20)) : y.AddDays(-random.NextDouble(31, 170));
        var contacts = random.Next(1, 4);
        for (var i = 0; i < contacts && at > created; i++)
        {
            var by = owned ? owner : PortalUsers.Manager(random.Next(PortalUsers.ManagerCount));
            if (random.Chance(0.7))
            {
                builder.AddContact(ActivityKind.Call, random.Chance(0.8) ? Direction.Outbound : Direction.Inbound, by, at);
            }
            else
            {
                builder.AddContact(ActivityKind.Meeting, Direction.None, by, at);
            }

            at = at.AddDays(-random.NextDouble(31, 90));
        }
    }

    private static void OldClosedDeal(CompanyBuilder builder, ref SeededRandom random, int owner, DateTimeOffset created)
    {
        var prepared = created.AddDays(random.NextDouble(1, 5));
        var closed = created.AddDays(random.NextDouble(10, 50));
        builder.AddDeal(ref random, owner, created, (PortalPipeline.Preparation, prepared), (random.Chance(0.5) ? PortalPipeline.Won : PortalPipeline.Lost, closed));
    }
}
