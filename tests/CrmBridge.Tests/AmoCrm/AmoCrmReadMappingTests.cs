using CrmBridge.Core.Model;
using WireMock.RequestBuilders;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoCrmReadMappingTests
{
    [Fact]
    public async Task Inn_comes_from_the_legal_entity_field_or_the_configured_field_and_broken_records_are_reported()
    {
        using var amo = AmoCrmHarness.LongLived(s =>
        {
            s["AmoCrm:InnFieldId"] = "555001";
            s["AmoCrm:KppFieldId"] = "555002";
        }).WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingGet()).RespondWith(AmoCrmHarness.Json("companies.requisites.json"));

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        var legalEntity = Company(amo, "2001");
        Assert.Equal(("7707083893", "773601001"), (legalEntity.Inn, legalEntity.Kpp));
        Assert.Equal("ПАО Сбербанк", Assert.Single(legalEntity.Requisites).Name);
        var customField = Company(amo, "2002");
        Assert.Equal(("7736207543", "770401001"), (customField.Inn, customField.Kpp));
        var noInn = Company(amo, "2003");
        Assert.Null(noInn.Inn);
        Assert.Empty(noInn.Requisites);

        // A broken field value loses the field, not the card; a record that cannot be read is skipped and named.
        var brokenField = Company(amo, "2004");
        Assert.Equal(("ООО Сломанное поле", null), (brokenField.Title, brokenField.Inn));
        Assert.Contains(amo.Logs.Lines, l => l.Contains("company 2004", StringComparison.Ordinal) && l.Contains("712001", StringComparison.Ordinal));
        Assert.Null(amo.Store.Companies.Find(new CrmRef(CrmKind.AmoCrm, amo.Account, "2005")));
        Assert.Contains(amo.Logs.Lines, l => l.Contains("skipped malformed company record id=2005", StringComparison.Ordinal));
        Assert.Equal((4, 1), (summary.Companies, summary.Skipped));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task Contacts_leads_pipelines_users_tasks_calls_and_events_land_in_the_normalized_model()
    {
        using var amo = AmoCrmHarness.LongLived(s =>
        {
            s["AmoCrm:DecisionMakerPositions:0"] = "директор";
            s["AmoCrm:MarginFieldId"] = "777001";
        }).WithEmptyLists();
        Serve(amo, "/api/v4/users", "users.json");
        Serve(amo, "/api/v4/leads/pipelines", "pipelines.json");
        Serve(amo, "/api/v4/companies", "companies.page3.json");
        Serve(amo, "/api/v4/contacts", "contacts.json");
        Serve(amo, "/api/v4/leads", "leads.json");
        Serve(amo, "/api/v4/tasks", "tasks.json");
        Serve(amo, "/api/v4/companies/notes", "notes.calls.json");
        Serve(amo, "/api/v4/events", "events.json");
        amo.Store.Companies.Upsert([new Company
        {
            Ref = Ref(amo, "1002"), Title = "ИП Иванов", OwnerId = "504142",
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1700000000), ModifiedAt = DateTimeOffset.FromUnixTimeSeconds(1700000200),
        }]);

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        var director = amo.Store.Persons.Find(Ref(amo, "3001"))!;
        Assert.Equal((true, Ref(amo, "1001"), "Генеральный директор"), (director.IsDecisionMaker, director.Company, director.Position));
        Assert.Equal(["+79161234567"], director.Phones);
        Assert.False(amo.Store.Persons.Find(Ref(amo, "3002"))!.IsDecisionMaker);

        var won = amo.Store.Deals.Find(Ref(amo, "4001"))!;
        Assert.Equal((DealOutcome.Won, 1500000m, Ref(amo, "1001"), "3177727"), (won.Outcome, won.Amount, won.Company, won.PipelineId));
        Assert.Equal(-120000.5m, won.Margin);
        var lost = amo.Store.Deals.Find(Ref(amo, "4003"))!;
        Assert.Equal((DealOutcome.Lost, "Дорого", (decimal?)null), (lost.Outcome, lost.LossReason, lost.Margin));
        Assert.Equal(DealOutcome.Open, amo.Store.Deals.Find(Ref(amo, "4002"))!.Outcome);

        var pipeline = Assert.Single(amo.Store.Pipelines.All());
        Assert.Equal(["32392156", "32392158", "32392159", "142", "143"], pipeline.Stages.Select(s => s.Id));
        Assert.Equal(StageSemantics.Won, pipeline.FindStage("142")!.Semantics);
        Assert.Equal(StageSemantics.Lost, pipeline.FindStage("143")!.Semantics);

        var managers = amo.Store.Managers.All().OrderBy(m => m.Ref.Id).ToList();
        Assert.Equal([("Анна Петрова", "anna@example.ru", true), ("Игорь Смирнов", "igor@example.ru", false)], managers.Select(m => (m.Name, m.Email, m.Active)));

        var meeting = amo.Store.Activities.Find(Ref(amo, "task-5001"))!;
        Assert.Equal((ActivityKind.Meeting, true, DateTimeOffset.FromUnixTimeSeconds(1700003600), Ref(amo, "1001")), (meeting.Kind, meeting.Completed, meeting.At, meeting.Company));
        var followUp = amo.Store.Activities.Find(Ref(amo, "task-5002"))!;
        Assert.Equal((ActivityKind.Task, false, Ref(amo, "4002")), (followUp.Kind, followUp.Completed, followUp.Deal));
        var outgoing = amo.Store.Activities.Find(Ref(amo, "note-6001"))!;
        Assert.Equal((ActivityKind.Call, Direction.Outbound, Ref(amo, "1001"), "504141"), (outgoing.Kind, outgoing.Direction, outgoing.Company, outgoing.OwnerId));
        Assert.Equal(Direction.Inbound, amo.Store.Activities.Find(Ref(amo, "note-6002"))!.Direction);
        // "Отправлено КП" by Игорь (504142) on Анна's company is a note of his: conflict evidence. CrmBridge's own comment is nobody's work.
        var proposalNote = amo.Store.Activities.Find(Ref(amo, "note-6003"))!;
        Assert.Equal((ActivityKind.Note, "504142", "Отправлено КП"), (proposalNote.Kind, proposalNote.OwnerId, proposalNote.Subject));
        Assert.Null(amo.Store.Activities.Find(Ref(amo, "note-6004")));

        var stageChange = Assert.Single(amo.Store.StageChanges.All());
        Assert.Equal((Ref(amo, "4001"), "32392159", "142"), (stageChange.Deal, stageChange.FromStageId, stageChange.ToStageId));
        var ownerChange = Assert.Single(amo.Store.OwnerChanges.All());
        Assert.Equal((Ref(amo, "1002"), "504141", "504142"), (ownerChange.Company, ownerChange.FromOwnerId, ownerChange.ToOwnerId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000150), amo.Store.Companies.Find(Ref(amo, "1002"))!.OwnerSince);
        Assert.Equal((1, 2, 3, 5, 2, 0), (summary.Companies, summary.Persons, summary.Deals, summary.Activities, summary.Users, summary.Skipped));
        amo.AssertOnlyExpectedRequests();
    }

    private static void Serve(AmoCrmHarness amo, string path, string fixture) =>
        amo.Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(AmoCrmHarness.Json(fixture));

    private static CrmRef Ref(AmoCrmHarness amo, string id) => new(CrmKind.AmoCrm, amo.Account, id);

    private static Company Company(AmoCrmHarness amo, string id) =>
        amo.Store.Companies.Find(Ref(amo, id)) ?? throw new InvalidOperationException($"company {id} was not stored");
}
