using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>Places the planted scenarios on fixed, evenly spread company indices of each CRM.</summary>
internal sealed class Planter
{
    public const int SlotsPerCrm = 40;

    private static readonly int[] YesterdayCalls = [3, 2, 2, 1, 0];
    private static readonly int[] YesterdayMeetings = [1, 1, 0, 1, 0];
    private static readonly int[] YesterdayDealsCreated = [1, 0, 1, 0, 0];
    private static readonly int[] YesterdayDealsWon = [1, 1, 0, 0, 0];

    private readonly long _seed;
    private readonly int _bitrixCount;
    private readonly int _amoCount;
    private int _nextBitrix;
    private int _nextAmo;

    public Planter(long seed, int bitrixCount, int amoCount)
    {
        _seed = seed;
        _bitrixCount = bitrixCount;
        _amoCount = amoCount;
    }

    public Dictionary<int, PlantedRole> Roles { get; } = [];

    public Dictionary<int, PlantedRole> Plant()
    {
        int M(int n) => PortalUsers.Manager(n);

        // Duplicates inside Bitrix24: one pair with one owner, one triple with different owners.
        var a = Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateMaster, M(0)) { CreatedDaysAgo = 900 });
        Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateCopy, M(0)) { LegalIndex = a, CreatedDaysAgo = 200 });
        var b = Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateMaster, M(1)) { CreatedDaysAgo = 950 });
        Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateCopy, M(2)) { LegalIndex = b, CreatedDaysAgo = 300 });
        Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateCopy, M(3)) { LegalIndex = b, CreatedDaysAgo = 100 });

        // Duplicates inside amoCRM.
        var c = Put(CrmKind.AmoCrm, new(PlantedKind.DuplicateMaster, M(2)) { CreatedDaysAgo = 700 });
        Put(CrmKind.AmoCrm, new(PlantedKind.DuplicateCopy, M(4)) { LegalIndex = c, CreatedDaysAgo = 150 });

        // Across both CRMs: same person owning both; an amoCRM master; different owners.
        var d = Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateMaster, M(0)) { CreatedDaysAgo = 800 });
        Put(CrmKind.AmoCrm, new(PlantedKind.DuplicateCopy, M(0)) { LegalIndex = d, CreatedDaysAgo = 300 });
        var e = Put(CrmKind.AmoCrm, new(PlantedKind.DuplicateMaster, M(3)) { CreatedDaysAgo = 1000 });
        Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateCopy, M(1)) { LegalIndex = e, CreatedDaysAgo = 250 });
        var f = Put(CrmKind.Bitrix24, new(PlantedKind.DuplicateMaster, M(4)) { CreatedDaysAgo = 850 });
        Put(CrmKind.AmoCrm, new(PlantedKind.DuplicateCopy, M(2)) { LegalIndex = f, CreatedDaysAgo = 120 });

        // Branches: same INN, different KPP.
        var g = Put(CrmKind.Bitrix24, new(PlantedKind.BranchHead, M(1)) { CreatedDaysAgo = 700 });
        Put(CrmKind.Bitrix24, new(PlantedKind.BranchOffice, M(1)) { LegalIndex = g, CreatedDaysAgo = 300 });
        var h = Put(CrmKind.AmoCrm, new(PlantedKind.BranchHead, M(3)) { CreatedDaysAgo = 650 });
        Put(CrmKind.AmoCrm, new(PlantedKind.BranchOffice, M(3)) { LegalIndex = h, CreatedDaysAgo = 200 });

        Put(CrmKind.Bitrix24, new(PlantedKind.InvalidInn, M(2)));
        Put(CrmKind.AmoCrm, new(PlantedKind.InvalidInn, M(4)));

        // Probable duplicates without INN: the same name in another legal form / other quotes.
        var p1 = Put(CrmKind.Bitrix24, new(PlantedKind.ProbableOriginal, M(0)) { CreatedDaysAgo = 600 });
        var root1 = LegalIdentity.For(_seed, p1).NameRoot;
        Put(CrmKind.Bitrix24, new(PlantedKind.ProbableCopy, M(1)) { TitleOverride = $"АО \"{root1}\"", OriginalIndex = p1, CreatedDaysAgo = 90 });
        var p2 = Put(CrmKind.Bitrix24, new(PlantedKind.ProbableOriginal, M(2)) { CreatedDaysAgo = 600 });
        var root2 = LegalIdentity.For(_seed, p2).NameRoot;
        Put(CrmKind.AmoCrm, new(PlantedKind.ProbableCopy, M(3)) { TitleOverride = $"{root2} ООО", OriginalIndex = p2, CreatedDaysAgo = 80 });

        Put(CrmKind.Bitrix24, new(PlantedKind.Cooldown, M(0)));
        Put(CrmKind.Bitrix24, new(PlantedKind.Cooldown, M(3)));
        Put(CrmKind.AmoCrm, new(PlantedKind.Cooldown, M(1)));

        Put(CrmKind.Bitrix24, new(PlantedKind.OwnershipTimeout, M(1)) { ClockDays = 35, CreatedDaysAgo = 200 });
        Put(CrmKind.Bitrix24, new(PlantedKind.OwnershipTimeout, M(4)) { ClockDays = 45, CreatedDaysAgo = 200 });
        Put(CrmKind.AmoCrm, new(PlantedKind.OwnershipTimeout, M(2)) { ClockDays = 40, CreatedDaysAgo = 200 });
        Put(CrmKind.Bitrix24, new(PlantedKind.OwnershipWarning, M(0)) { ClockDays = 26, CreatedDaysAgo = 200 });
        Put(CrmKind.Bitrix24, new(PlantedKind.OwnershipWarning, M(2)) { ClockDays = 28, CreatedDaysAgo = 200 });
        Put(CrmKind.AmoCrm, new(PlantedKind.OwnershipWarning, M(3)) { ClockDays = 27, CreatedDaysAgo = 200 });

        Put(CrmKind.Bitrix24, new(PlantedKind.Conflict, M(0)) { OtherManager = M(1) });
        Put(CrmKind.AmoCrm, new(PlantedKind.Conflict, M(4)) { OtherManager = M(2) });

        Put(CrmKind.Bitrix24, new(PlantedKind.PostponedDue, M(1)));
        Put(CrmKind.AmoCrm, new(PlantedKind.PostponedDue, M(0)));
        Put(CrmKind.Bitrix24, new(PlantedKind.PostponedLater, M(2)));

        Put(CrmKind.Bitrix24, new(PlantedKind.Liquidated, M(3)));
        Put(CrmKind.AmoCrm, new(PlantedKind.Liquidated, M(1)));

        Put(CrmKind.Bitrix24, new(PlantedKind.Sleeping, PortalUsers.Pool) { CreatedDaysAgo = 900 });
        Put(CrmKind.AmoCrm, new(PlantedKind.Sleeping, PortalUsers.Pool) { CreatedDaysAgo = 900 });

        PlantYesterday();
        return Roles;
    }

    private void PlantYesterday()
    {
        var crm = CrmKind.Bitrix24;
        for (var m = 0; m < PortalUsers.ManagerCount; m++)
        {
            var contacts = Enumerable.Repeat(ActivityKind.Call, YesterdayCalls[m]).Concat(Enumerable.Repeat(ActivityKind.Meeting, YesterdayMeetings[m])).ToList();
            var created = YesterdayDealsCreated[m];
            var won = YesterdayDealsWon[m];
            var cards = Math.Max(contacts.Count, Math.Max(created, won));
            for (var i = 0; i < cards; i++)
            {
                Put(crm, new(PlantedKind.Yesterday, PortalUsers.Manager(m))
                {
                    YesterdayContact = i < contacts.Count ? contacts[i] : null,
                    YesterdayDealCreated = i < created,
                    YesterdayDealWon = i < won,
                });
                crm = crm == CrmKind.Bitrix24 ? CrmKind.AmoCrm : CrmKind.Bitrix24;
            }
        }
    }

    private int Put(CrmKind crm, PlantedRole role)
    {
        var count = crm == CrmKind.Bitrix24 ? _bitrixCount : _amoCount;
        var next = crm == CrmKind.Bitrix24 ? _nextBitrix++ : _nextAmo++;
        if (next >= SlotsPerCrm)
        {
            throw new InvalidOperationException("Too many planted cards for one CRM.");
        }

        var spread = count / SlotsPerCrm;
        var local = (next * spread) + (spread / 2);
        var index = crm == CrmKind.Bitrix24 ? local : _bitrixCount + local;

        // Planted cards are legal entities (they need a KPP); a neighbour of a sole trader never is one.
        if (LegalIdentity.IsSoleTraderIndex(index))
        {
            index += local < count - 1 ? 1 : -1;
        }

        Roles.Add(index, role);
        return index;
    }
}
