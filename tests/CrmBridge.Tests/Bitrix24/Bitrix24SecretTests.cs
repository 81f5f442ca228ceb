using CrmBridge.Tests.Bitrix24.Fakes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.Bitrix24;

public sealed class Bitrix24SecretTests
{
    [Fact]
    public async Task The_webhook_secret_is_absent_from_every_log_line_and_exception_message()
    {
        var texts = new List<string>();

        // A sync with retries, a skipped record, an HTML error and a failed write.
        using (var portal = new FakePortal().WithEmptyPortal())
        {
            // 60 companies: the second batch (the last 10) meets a proxy page quoting the webhook URL.
            portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 60).Select(i => BitrixRows.Company(i)));
            portal.Tables["crm.contact.list"].Add(new System.Text.Json.Nodes.JsonObject { ["ID"] = "5", ["DATE_CREATE"] = "bad" });
            portal.AnswerLaterBatchesWithHtml503($"<html>{portal.WebhookUrl}</html>");
            using var host = new Bitrix24TestHost(portal);
            texts.Add((await Assert.ThrowsAnyAsync<Exception>(host.SyncAsync)).ToString());
            texts.Add((await Assert.ThrowsAnyAsync<Exception>(() => host.Time.RunAsync(() =>
                host.Connector.AddCommentAsync(new(Core.Model.CrmKind.Bitrix24, host.Connector.Account, "1"), "x", new CrmBridge.Outbox.WriteMarker("[cb:1]", false), CancellationToken.None)))).ToString());
            texts.AddRange(host.Logs.Lines);
        }

        // An expired webhook, and a portal that is not there at all.
        using (var portal = new FakePortal().WithEmptyPortal())
        {
            portal.Server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingPost()).AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody("""{"error":"NO_AUTH_FOUND","error_description":"Wrong authorization data"}"""));
            using var host = new Bitrix24TestHost(portal);
            texts.Add((await Assert.ThrowsAnyAsync<Exception>(host.SyncAsync)).ToString());
            portal.Server.Stop();
            texts.Add((await Assert.ThrowsAnyAsync<Exception>(host.SyncAsync)).ToString());
            texts.AddRange(host.Logs.Lines);
        }

        Assert.True(texts.Count > 10, $"only {texts.Count} texts captured");
        Assert.All(texts, t => Assert.DoesNotContain(FakePortal.Secret, t, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(texts, t => t.Contains("skipped malformed contact record id 5", StringComparison.Ordinal));
    }
}
