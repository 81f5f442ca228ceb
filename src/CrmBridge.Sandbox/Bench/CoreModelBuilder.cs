using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// Builds the in-memory client base the core works on straight from the sample-portal generator (no HTTP, no LiteDB),
/// topped up with older synthetic calls to the requested activities per company. Account strings and a company's
/// reference are shared between records, as a Store load keeps them small too.
/// </summary>
internal sealed class CoreModelBuilder(SamplePortal portal, int activitiesPerCompany)
{
    private const string BitrixAccount = "sandbox.bitrix24.ru";
    private const string AmoAccount = "sandbox.amocrm.ru";
    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);

    public ClientBase Build(Action<int>? progress = null)
    {
        var size = portal.Size;
        var companies = new List<Company>(size);
        var persons = new List<Person>(size * 3 / 2);
        var deals = new List<Deal>(size);
        var activities = new List<Activity>(size * activitiesPerCompany);
        var stageChanges = new List<StageChange>(size * 2);
        var ownerChanges = new List<OwnerChange>();
        for (var index = 0; index < size; index++)
        {
            var c = portal.Company(index);
            var account = c.Crm == CrmKind.Bitrix24 ? BitrixAccount : AmoAccount;
            var companyRef = new CrmRef(c.Crm, account, Id(c.Id));
            companies.Add(ToCompany(c, companyRef));
            foreach (var p in c.Contacts)
            {
                persons.Add(new Person
                {
                    Ref = companyRef.Sibling(Id(p.Id)),
                    Company = companyRef,
                    Name = p.FirstName + " " + p.LastName,
                    Position = p.Position,
                    IsDecisionMaker = p.IsDecisionMaker,
                    OwnerId = User(c.Crm, c.OwnerUser),
                    CreatedAt = p.CreatedAt,
                    ModifiedAt = p.CreatedAt,
                });
            }

            AddDeals(c, companyRef, deals, stageChanges);
            AddActivities(c, companyRef, activities);
            var k = 0;
            foreach (var change in c.OwnerChanges)
            {
                ownerChanges.Add(new OwnerChange
                {
                    Ref = companyRef.Sibling(Id(c.Id) + "-owner-" + Id(k++)),
                    Company = companyRef,
                    FromOwnerId = User(c.Crm, change.FromUser),
                    ToOwnerId = User(c.Crm, change.ToUser),
                    At = change.At,
                });
            }

            if ((index + 1) % 100_000 == 0)
            {
                progress?.Invoke(index + 1);
            }
        }

        return new ClientBase
        {
            Companies = companies,
            Persons = persons,
            Deals = deals,
            Activities = activities,
            StageChanges = stageChanges,
            OwnerChanges = ownerChanges,
            Managers = Managers(portal.Spec.Now),
            Pipelines = Pipelines(portal.Spec.Now),
        };
    }

    private static Company ToCompany(PortalCompany c, CrmRef companyRef) => new()
    {
        Ref = companyRef,
        Title = c.Title,
        Inn = c.Inn,
        Kpp = c.Kpp,
        Ogrn = c.Ogrn,
        Requisites = c.Inn is null ? [] : [new Requisite(c.Inn, c.Kpp, c.Ogrn) { Id = companyRef.Id }],
        OwnerId = User(c.Crm, c.OwnerUser),
        CreatedAt = c.CreatedAt,
        ModifiedAt = c.ModifiedAt,
        Phones = [c.Phone],
        Emails = [c.Email],
        WebSite = c.WebSite,
        PostponedUntil = c.PostponedUntil,
        PostponeReason = c.PostponeReason,
    };

    private static void AddDeals(PortalCompany c, CrmRef companyRef, List<Deal> deals, List<StageChange> stageChanges)
    {
        var pipelineId = PipelineId(c.Crm);
        foreach (var d in c.Deals)
        {
            var stage = PortalPipeline.Stages[d.Stage];
            var dealRef = companyRef.Sibling(Id(d.Id));
            deals.Add(new Deal
            {
                Ref = dealRef,
                Title = d.Title,
                Company = companyRef,
                PipelineId = pipelineId,
                StageId = StageId(c.Crm, d.Stage),
                StageEnteredAt = d.MovedAt,
                Amount = d.Amount,
                OwnerId = User(c.Crm, d.OwnerUser),
                CreatedAt = d.CreatedAt,
                ModifiedAt = d.ModifiedAt,
                ClosedAt = d.ClosedAt,
                Outcome = stage.Semantics switch { StageSemantics.Won => DealOutcome.Won, StageSemantics.Lost => DealOutcome.Lost, _ => DealOutcome.Open },
                LossReason = d.LossReason,
                Margin = d.Margin,
            });
            for (var step = 0; step < d.History.Count; step++)
            {
                var to = d.History[step];
                stageChanges.Add(new StageChange
                {
                    Ref = companyRef.Sibling(Id(PortalIds.History(d.Id, step))),
                    Deal = dealRef,
                    PipelineId = pipelineId,
                    FromStageId = step == 0 ? null : StageId(c.Crm, d.History[step - 1].Stage),
                    ToStageId = StageId(c.Crm, to.Stage),
                    At = to.At,
                    ByUserId = User(c.Crm, to.ByUser),
                });
            }
        }
    }

    /// <summary>The generated calls and meetings, then older outbound calls 45 days apart up to the target count.</summary>
    private void AddActivities(PortalCompany c, CrmRef companyRef, List<Activity> activities)
    {
        var oldest = c.CreatedAt;
        var owner = c.OwnerUser;
        foreach (var a in c.Activities)
        {
            activities.Add(new Activity
            {
                Ref = companyRef.Sibling(Id(a.Id)),
                Company = companyRef,
                Kind = a.Kind,
                Direction = a.Direction,
                OwnerId = User(c.Crm, a.OwnerUser),
                At = a.At,
                Completed = a.Completed,
                Subject = Intern(a.Subject),
                ModifiedAt = a.At,
            });
            if (a.At < oldest)
            {
                oldest = a.At;
                owner = a.OwnerUser;
            }
        }

        for (var extra = c.Activities.Count; extra < activitiesPerCompany; extra++)
        {
            oldest = oldest.AddDays(-45);
            activities.Add(new Activity
            {
                Ref = companyRef.Sibling(Id(c.Id) + "-call-" + Id(extra)),
                Company = companyRef,
                Kind = ActivityKind.Call,
                Direction = Direction.Outbound,
                OwnerId = User(c.Crm, owner),
                At = oldest,
                Completed = true,
                Subject = Intern("Звонок"),
                ModifiedAt = oldest,
            });
        }
    }

    private string Intern(string text)
    {
        if (!_subjects.TryGetValue(text, out var shared))
        {
            _subjects[text] = shared = text;
        }

        return shared;
    }

    private static List<Manager> Managers(DateTimeOffset at) =>
    [
        .. from user in PortalUsers.All
           from crm in new[] { CrmKind.Bitrix24, CrmKind.AmoCrm }
           select new Manager { Ref = new CrmRef(crm, Account(crm), Id(user.IdIn(crm))), Name = user.Name, Email = user.Email, ModifiedAt = at },
    ];

    private static List<Pipeline> Pipelines(DateTimeOffset at) =>
    [
        .. from crm in new[] { CrmKind.Bitrix24, CrmKind.AmoCrm }
           select new Pipeline
           {
               Ref = new CrmRef(crm, Account(crm), PipelineId(crm)), Name = "Продажи", ModifiedAt = at,
               Stages = [.. PortalPipeline.Stages.Select((s, i) => new Stage(StageId(crm, i), s.Name, s.Sort, s.Semantics))],
           },
    ];

    public static string Account(CrmKind crm) => crm == CrmKind.Bitrix24 ? BitrixAccount : AmoAccount;

    public static string User(CrmKind crm, int user) => UserIds[crm == CrmKind.Bitrix24 ? 0 : 1][user];

    private static readonly string[][] UserIds =
    [
        [.. PortalUsers.All.Select(u => Id(u.BitrixId))],
        [.. PortalUsers.All.Select(u => Id(u.AmoId))],
    ];

    private static readonly string AmoPipelineId = Id(PortalPipeline.AmoPipelineId);

    /// <summary>Stage ids by CRM and stage index, shared by every deal and stage change.</summary>
    private static readonly string[][] StageIds =
    [
        [.. PortalPipeline.Stages.Select(s => s.BitrixId)],
        [.. PortalPipeline.Stages.Select(s => Id(s.AmoId))],
    ];

    private static string PipelineId(CrmKind crm) => crm == CrmKind.Bitrix24 ? "0" : AmoPipelineId;

    private static string StageId(CrmKind crm, int stage) => StageIds[crm == CrmKind.Bitrix24 ? 0 : 1][stage];

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
