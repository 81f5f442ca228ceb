using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Tests.Bitrix24.Fakes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.Bitrix24;

public sealed class Bitrix24WriterTests : IDisposable
{
    private readonly FakePortal portal = new();

    private static readonly WriteMarker FirstTry = new("[cb:0a1b2c3d4e]", CheckFirst: false);

    [Fact]
    public async Task Reassign_sends_the_documented_company_update_body()
    {
        Expect("crm.company.update", """{"id":2919,"fields":{"ASSIGNED_BY_ID":12},"params":{"REGISTER_SONET_EVENT":"Y"}}""", "true");
        using var host = new Bitrix24TestHost(portal);

        await host.Time.RunAsync(() => host.Connector.ReassignCompanyAsync(Company(host), "12", CancellationToken.None));

        Assert.Single(portal.Server.LogEntries);
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Comment_sends_lowercase_fields_with_the_company_entity()
    {
        Expect("crm.timeline.comment.add", """{"fields":{"ENTITY_ID":2919,"ENTITY_TYPE":"company","COMMENT":"Клиент передан: нет прогресса 30 дней\n[cb:0a1b2c3d4e]"}}""", "1001");
        using var host = new Bitrix24TestHost(portal);

        await host.Time.RunAsync(() => host.Connector.AddCommentAsync(Company(host), "Клиент передан: нет прогресса 30 дней", FirstTry, CancellationToken.None));

        Assert.Single(portal.Server.LogEntries);
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Task_sends_a_todo_for_the_responsible_with_the_deadline_and_its_offset()
    {
        Expect("crm.activity.todo.add", """{"ownerTypeId":4,"ownerId":2919,"deadline":"2026-03-03T15:00:00+03:00","title":"Позвонить клиенту","description":"[cb:0a1b2c3d4e]","responsibleId":12}""", """{"id":555}""");
        using var host = new Bitrix24TestHost(portal);
        var deadline = new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.FromHours(3));

        await host.Time.RunAsync(() => host.Connector.AddTaskAsync(Company(host), "12", "Позвонить клиенту", deadline, FirstTry, CancellationToken.None));

        Assert.Single(portal.Server.LogEntries);
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_comment_is_not_repeated_blindly_after_an_ambiguous_server_error()
    {
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.timeline.comment.add")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/json").WithBody("""{"error":"INTERNAL_SERVER_ERROR","error_description":"Internal server error"}"""));
        using var host = new Bitrix24TestHost(portal);

        var error = await Assert.ThrowsAsync<ActionOutcomeUnknownException>(() => host.Time.RunAsync(() => host.Connector.AddCommentAsync(Company(host), "text", FirstTry, CancellationToken.None)));

        Assert.Single(portal.Server.LogEntries);
        Assert.Contains("unknown", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakePortal.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_comment_whose_marker_is_already_on_the_card_is_not_written_again()
    {
        Expect("crm.timeline.comment.list", """{"filter":{"ENTITY_ID":2919,"ENTITY_TYPE":"company"},"select":["ID","COMMENT"],"order":{"ID":"DESC"}}""",
            """[{"ID":"77","COMMENT":"text\n[cb:0a1b2c3d4e]"}]""");
        using var host = new Bitrix24TestHost(portal);

        await host.Time.RunAsync(() => host.Connector.AddCommentAsync(Company(host), "text", FirstTry with { CheckFirst = true }, CancellationToken.None));

        Assert.DoesNotContain(portal.Server.LogEntries, e => e.RequestMessage.Path.Contains("crm.timeline.comment.add", StringComparison.Ordinal));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_repeated_todo_whose_marker_is_missing_is_written_once()
    {
        Expect("crm.activity.list", """{"filter":{"OWNER_TYPE_ID":4,"OWNER_ID":2919,"PROVIDER_ID":"CRM_TODO"},"select":["ID","DESCRIPTION"],"order":{"ID":"DESC"}}""", """[{"ID":"5","DESCRIPTION":"[cb:ffffffffff]"}]""");
        Expect("crm.activity.todo.add", """{"ownerTypeId":4,"ownerId":2919,"deadline":"1970-01-01T00:00:00+00:00","title":"Позвонить","description":"[cb:0a1b2c3d4e]","responsibleId":12}""", """{"id":556}""");
        using var host = new Bitrix24TestHost(portal);

        await host.Time.RunAsync(() => host.Connector.AddTaskAsync(Company(host), "12", "Позвонить", DateTimeOffset.UnixEpoch, FirstTry with { CheckFirst = true }, CancellationToken.None));

        Assert.Single(portal.Server.LogEntries, e => e.RequestMessage.Path.Contains("crm.activity.todo.add", StringComparison.Ordinal));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_comment_rejected_by_the_rate_limit_is_sent_again_because_it_never_ran()
    {
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.timeline.comment.add")).UsingPost())
            .InScenario("limit").WillSetStateTo("drained").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/json").WithBody("""{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}"""));
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.timeline.comment.add")).UsingPost())
            .InScenario("limit").WhenStateIs("drained").AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"result":1001}"""));
        using var host = new Bitrix24TestHost(portal);

        await host.Time.RunAsync(() => host.Connector.AddCommentAsync(Company(host), "text", FirstTry, CancellationToken.None));

        Assert.Equal(2, portal.Server.LogEntries.Count);
    }

    [Fact]
    public async Task Reassign_is_retried_after_a_server_error_because_setting_an_owner_twice_is_harmless()
    {
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.company.update")).UsingPost())
            .InScenario("flaky").WillSetStateTo("ok").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad Gateway</html>"));
        Expect("crm.company.update", """{"id":2919,"fields":{"ASSIGNED_BY_ID":12},"params":{"REGISTER_SONET_EVENT":"Y"}}""", "true", state: "ok");
        using var host = new Bitrix24TestHost(portal);

        await host.Time.RunAsync(() => host.Connector.ReassignCompanyAsync(Company(host), "12", CancellationToken.None));

        Assert.Equal(2, portal.Server.LogEntries.Count);
    }

    [Fact]
    public async Task A_card_gone_from_the_portal_fails_the_write_for_good()
    {
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.company.update")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody("""{"error":"","error_description":"Not found"}"""));
        using var host = new Bitrix24TestHost(portal);

        var error = await Assert.ThrowsAsync<PermanentActionException>(() => host.Time.RunAsync(() => host.Connector.ReassignCompanyAsync(Company(host), "12", CancellationToken.None)));

        Assert.Contains("Not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_url_points_at_the_company_card_on_the_portal_host()
    {
        using var host = new Bitrix24TestHost(portal);

        Assert.Equal(new Uri($"http://{portal.Host}/crm/company/details/2919/"), host.Connector.CardUrl(Company(host)));
        Assert.Throws<ArgumentException>(() => host.Connector.CardUrl(new CrmRef(CrmKind.AmoCrm, "x.amocrm.ru", "1")));
    }

    public void Dispose() => portal.Dispose();

    private static CrmRef Company(Bitrix24TestHost host) => new(CrmKind.Bitrix24, host.Connector.Account, "2919");

    private void Expect(string method, string body, string result, string? state = null)
    {
        var request = Request.Create().WithPath(FakePortal.PathOf(method)).UsingPost().WithBody(new JsonMatcher(body));
        var mapping = state is null ? portal.Server.Given(request) : portal.Server.Given(request).InScenario("flaky").WhenStateIs(state);
        mapping.AtPriority(2).RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("{\"result\":" + result + ",\"time\":{\"operating\":0.1}}"));
    }
}
