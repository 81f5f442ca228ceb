using CrmBridge.Bitrix24.Transport;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Storage;
using CrmBridge.Tests.Bitrix24.Fakes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.Bitrix24;

public sealed class Bitrix24ErrorTests : IDisposable
{
    private const string Html503 = "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>";
    private readonly FakePortal portal = new FakePortal().WithEmptyPortal();

    [Fact]
    public async Task Query_limit_503_is_retried_after_the_bucket_drains_and_the_page_is_kept()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        RespondOnce("batch", 503, """{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""");
        using var host = new Bitrix24TestHost(portal);

        var summary = await host.SyncAsync();

        Assert.Equal(1, summary.Companies);
        Assert.Equal(2, portal.Server.LogEntries.Count(e => e.RequestMessage.Path == FakePortal.PathOf("batch")));
        Assert.Contains(host.Time.Waits, w => w >= TimeSpan.FromSeconds(0.5));
        Assert.Contains(host.Logs.Lines, l => l.Contains("QUERY_LIMIT_EXCEEDED", StringComparison.Ordinal));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Operation_time_limit_on_one_list_inside_a_batch_waits_for_operating_reset_at_and_the_other_lists_keep_their_pages()
    {
        var resetAt = Bitrix24TestHost.Start.AddMinutes(4);
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        portal.Tables["crm.deal.list"].Add(BitrixRows.Deal(7, 1, "NEW", "P"));
        portal.FailNextCommand("crm.company.list", "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
        portal.Operating["crm.company.list"] = (481.2, resetAt);
        using var host = new Bitrix24TestHost(portal);

        await host.SyncAsync();

        Assert.Equal("1", host.Store.Companies.All().Single().Ref.Id);
        var companyCalls = portal.CallsOf("crm.company.list").ToList();
        Assert.Equal([true, false], companyCalls.Select(c => c.Failed));
        Assert.True(companyCalls[1].At >= resetAt);

        // The deal list came in the first batch, before the reset, and was not read again.
        var deals = Assert.Single(portal.CallsOf("crm.deal.list"));
        Assert.True(deals.At < resetAt);
        Assert.Equal("7", host.Store.Deals.All().Single().Ref.Id);
    }

    [Fact]
    public async Task A_method_near_its_operating_budget_waits_for_the_reset_before_the_portal_blocks_it()
    {
        var resetAt = Bitrix24TestHost.Start.AddMinutes(2);
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 60).Select(i => BitrixRows.Company(i)));
        portal.Operating["crm.company.list"] = (400, resetAt);
        using var host = new Bitrix24TestHost(portal);

        await host.SyncAsync();

        var calls = portal.CallsOf("crm.company.list").ToList();
        Assert.True(calls[0].At < resetAt);
        Assert.True(calls[1].At >= resetAt, "the batch after a reply reporting 400 of 480 s should wait for operating_reset_at");
        Assert.Equal(60, host.Store.Companies.Count());
        Assert.DoesNotContain(portal.Server.LogEntries, e => e.ResponseMessage.StatusCode is 429);
    }

    [Fact]
    public async Task An_expired_webhook_stops_the_sync_with_an_admin_message_and_keeps_the_checkpoint()
    {
        portal.Server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":"expired_token","error_description":"The access token provided has expired."}"""));
        using var host = new Bitrix24TestHost(portal);
        var checkpoint = new SyncCheckpoint { Crm = CrmKind.Bitrix24, Account = portal.Host, Entity = "company", ModifiedSince = Bitrix24TestHost.Start.AddDays(-1), LastId = "77" };
        host.Store.Checkpoints.Save(checkpoint);

        var stop = await Assert.ThrowsAsync<CrmStopException>(host.SyncAsync);

        Assert.Contains("expired_token", stop.Message, StringComparison.Ordinal);
        Assert.Contains("Bitrix24:WebhookUrl", stop.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakePortal.Secret, stop.ToString(), StringComparison.Ordinal);
        Assert.Equal(checkpoint, host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company"));
        Assert.Equal(0, host.Store.Companies.Count());
    }

    [Fact]
    public async Task An_html_503_body_is_an_error_naming_the_status_not_a_parser_crash_and_the_pages_stored_before_are_kept()
    {
        // 60 companies: the first batch brings 50 of them, the second (the other 10) answers an nginx page.
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 60).Select(i => BitrixRows.Company(i)));
        portal.AnswerLaterBatchesWithHtml503(Html503);
        using var host = new Bitrix24TestHost(portal, new Dictionary<string, string?> { ["Bitrix24:MaxRetries"] = "2" });

        var error = await Assert.ThrowsAsync<Bitrix24Exception>(host.SyncAsync);

        Assert.Contains("batch answered HTTP 503 with a body that is not JSON (text/html", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, portal.Server.LogEntries.Count(e => e.RequestMessage.Path == FakePortal.PathOf("batch")));
        Assert.Equal(50, host.Store.Companies.Count());
        Assert.Equal("50", host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company")?.LastId);
        Assert.Null(host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company")?.ModifiedSince);

        // The lists that were complete after the first batch (users, and the empty ones) keep their pass.
        Assert.NotNull(host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "deal")?.ModifiedSince);
    }

    [Fact]
    public async Task The_real_mixed_errors_batch_reply_is_matched_to_its_commands()
    {
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("batch.real-mixed-errors.response.json")));
        using var host = new Bitrix24TestHost(portal);
        BatchCommand[] commands = [new("35941", "crm.deal.get", "id=35941"), new("35942", "crm.deal.get", "id=35942"), new("35943", "crm.deal.get", "id=35943")];

        var reply = await host.Time.RunAsync(() => host.Transport.BatchAsync(commands, CancellationToken.None));

        Assert.Equal("35943", reply.Outcomes[2].Result!.Value.GetProperty("ID").GetString());
        Assert.Contains("ID is not defined or invalid.", reply.Outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Contains("Not found", reply.Outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.IsNotType<Bitrix24TransientException>(reply.Outcomes[0].Error);
    }

    [Fact]
    public async Task Keyed_batch_errors_are_matched_by_command_and_a_missing_scope_stops()
    {
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("batch.keyed-errors.response.json")));
        using var host = new Bitrix24TestHost(portal);

        var reply = await host.Time.RunAsync(() => host.Transport.BatchAsync([new("get_user", "user.current", ""), new("get_department", "department.get", "ID=1")], CancellationToken.None));

        Assert.All(reply.Outcomes, o => Assert.IsType<CrmStopException>(o.Error));
        Assert.Contains("department.get", reply.Outcomes[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requisite_reply_as_published_with_a_missing_comma_is_retried_then_fails_the_read_and_keeps_the_checkpoints()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("crm.requisite.get.response.broken.txt")));
        using var host = new Bitrix24TestHost(portal);

        var error = await Assert.ThrowsAsync<Bitrix24Exception>(host.SyncAsync);

        Assert.Contains("batch answered HTTP 200 with a body that is not JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.Companies.Count());
        Assert.Null(host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "requisite"));
        Assert.True(portal.Server.LogEntries.Count(e => e.RequestMessage.Path == FakePortal.PathOf("batch")) > 1, "a garbled 200 is retried");
    }

    [Fact]
    public async Task A_list_the_portal_refuses_inside_the_batch_fails_alone_and_the_other_lists_are_stored()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        portal.Tables["crm.deal.list"].Add(BitrixRows.Deal(7, 1, "NEW", "P"));
        portal.FailNextCommand("crm.deal.list", "", "Access denied.");
        using var host = new Bitrix24TestHost(portal);

        var error = await Assert.ThrowsAsync<Bitrix24Exception>(host.SyncAsync);

        Assert.Contains("deal: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Access denied.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Store.Companies.Count());
        Assert.Equal(0, host.Store.Deals.Count());
        Assert.Null(host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "deal"));
        Assert.NotNull(host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company")?.ModifiedSince);
    }

    public void Dispose() => portal.Dispose();

    private void RespondOnce(string method, int status, string body) =>
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf(method)).UsingPost())
            .InScenario($"once-{method}").WillSetStateTo("served").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
}
