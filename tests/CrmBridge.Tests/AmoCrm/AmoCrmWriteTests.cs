using System.Net;
using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoCrmWriteTests
{
    [Fact]
    public async Task Reassignments_are_patched_in_batches_of_at_most_fifty()
    {
        using var amo = AmoCrmHarness.LongLived();
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingPatch()).RespondWith(AmoCrmHarness.Json("companies.patched.json"));
        var changes = Enumerable.Range(1, 120).Select(i => (Ref(amo, $"{1000 + i}"), "504142")).ToList();

        await amo.Connector.ReassignCompaniesAsync(changes, CancellationToken.None);

        var bodies = amo.Requests("/api/v4/companies").Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement).ToList();
        Assert.Equal([50, 50, 20], bodies.Select(b => b.GetArrayLength()));
        Assert.Equal(1001, bodies[0][0].GetProperty("id").GetInt64());
        Assert.Equal(504142, bodies[0][0].GetProperty("responsible_user_id").GetInt64());
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_task_for_the_owner_is_added_once_even_when_the_outbox_retries()
    {
        using var amo = AmoCrmHarness.LongLived();
        var deadline = DateTimeOffset.FromUnixTimeSeconds(1700086400);
        var marker = new WriteMarker("[cb:0a1b2c3d4e]", CheckFirst: false);
        amo.Server.Given(Request.Create().WithPath("/api/v4/tasks").UsingPost()
                .WithBody(new JsonPartialMatcher("""[{"text":"Позвонить клиенту\n[cb:0a1b2c3d4e]","complete_till":1700086400,"entity_id":1001,"entity_type":"companies","task_type_id":1,"responsible_user_id":504142}]""")))
            .RespondWith(AmoCrmHarness.Json("tasks.created.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/tasks").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/hal+json").WithBody(
                """{"_page":1,"_embedded":{"tasks":[{"id":5101,"entity_id":1001,"entity_type":"companies","is_completed":false,"task_type_id":1,"text":"Позвонить клиенту\n[cb:0a1b2c3d4e]","responsible_user_id":504142,"complete_till":1700086400,"created_at":1700000000,"updated_at":1700000000}]}}"""));

        // The first attempt writes without looking; the repeat after an unknown outcome finds its marker.
        await amo.Connector.AddTaskAsync(Ref(amo, "1001"), "504142", "Позвонить клиенту", deadline, marker, CancellationToken.None);
        await amo.Connector.AddTaskAsync(Ref(amo, "1001"), "504142", "Позвонить клиенту", deadline, marker with { CheckFirst = true }, CancellationToken.None);

        Assert.Single(amo.Requests("/api/v4/tasks"), e => e.RequestMessage.Method == "POST");
        var check = AmoCrmHarness.Query(amo.Requests("/api/v4/tasks")[1]);
        Assert.Equal(("companies", "1001"), (check["filter[entity_type]"].Single(), check["filter[entity_id][]"].Single()));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_comment_is_added_as_a_common_note_on_the_company()
    {
        using var amo = AmoCrmHarness.LongLived();
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies/1001/notes").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(HttpStatusCode.NoContent));
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies/notes").UsingPost()
                .WithBody(new JsonPartialMatcher("""[{"entity_id":1001,"note_type":"common","params":{"text":"Карточка передана: нет прогресса 30 дней\n[cb:0a1b2c3d4e]"}}]""")))
            .RespondWith(AmoCrmHarness.Json("notes.created.json"));

        await amo.Connector.AddCommentAsync(Ref(amo, "1001"), "Карточка передана: нет прогресса 30 дней", new WriteMarker("[cb:0a1b2c3d4e]", CheckFirst: true), CancellationToken.None);

        Assert.Single(amo.Requests("/api/v4/companies/notes"));
        Assert.Single(amo.Requests("/api/v4/companies/1001/notes"));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_write_amoCRM_rejects_as_invalid_fails_for_good_with_the_server_reason()
    {
        using var amo = AmoCrmHarness.LongLived();
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingPatch())
            .RespondWith(AmoCrmHarness.Json("error.400.json", HttpStatusCode.BadRequest));

        var failure = await Assert.ThrowsAsync<PermanentActionException>(
            () => amo.Connector.ReassignCompanyAsync(Ref(amo, "1001"), "504142", CancellationToken.None));

        Assert.Contains("Request validation failed", failure.Message, StringComparison.Ordinal);
        Assert.Single(amo.Server.LogEntries);
        amo.AssertNoSecretLeaked(failure);
    }

    [Fact]
    public async Task A_card_of_another_account_is_refused_without_a_request()
    {
        using var amo = AmoCrmHarness.LongLived();
        var foreign = new CrmRef(CrmKind.AmoCrm, "other.amocrm.ru", "1001");

        await Assert.ThrowsAsync<PermanentActionException>(() => amo.Connector.ReassignCompanyAsync(foreign, "504142", CancellationToken.None));

        Assert.Empty(amo.Server.LogEntries);
    }

    [Fact]
    public void The_card_link_points_at_the_company_page_of_the_account()
    {
        using var amo = AmoCrmHarness.LongLived();

        var url = amo.Connector.CardUrl(Ref(amo, "1001"));

        Assert.Equal($"http://127.0.0.1:{amo.Server.Port}/companies/detail/1001", url.ToString());
    }

    private static CrmRef Ref(AmoCrmHarness amo, string id) => new(CrmKind.AmoCrm, amo.Account, id);
}
