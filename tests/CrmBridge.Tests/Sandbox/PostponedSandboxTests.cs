using System.Net.Http.Json;
using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Tests.AmoCrm;
using CrmBridge.Tests.Bitrix24.Fakes;

namespace CrmBridge.Tests.Sandbox;

/// <summary>Both connectors, configured with the sandbox's postponement fields, against one small sandbox.</summary>
public sealed class PostponedSandboxTests : IAsyncLifetime
{
    private SandboxServer sandbox = null!;

    public async Task InitializeAsync() =>
        sandbox = await SandboxServer.StartAsync(new SandboxOptions { Spec = new SamplePortalSpec { Size = 400, Seed = 7 }, RateLimits = false }, CancellationToken.None);

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_sync_with_the_fields_configured_postpones_exactly_the_planted_cards_until_their_day()
    {
        var facts = sandbox.Facts;
        using var bitrix = new Bitrix24TestHost(
            sandbox.Bitrix24WebhookUrl.AbsoluteUri,
            new Dictionary<string, string?>
            {
                ["Bitrix24:PostponedUntilField"] = "UF_CRM_POSTPONED_UNTIL",
                ["Bitrix24:PostponeReasonField"] = "UF_CRM_POSTPONE_REASON",
            },
            facts.Clock.Now);
        using var amo = AmoCrmHarness.LongLived(s =>
        {
            s["AmoCrm:BaseUrl"] = sandbox.AmoCrmBaseUrl.AbsoluteUri.TrimEnd('/');
            s["AmoCrm:AccessToken"] = sandbox.Options.AmoAccessToken;
            s["AmoCrm:PostponedUntilFieldId"] = "900105";
            s["AmoCrm:PostponeReasonFieldId"] = "900106";
        });

        var bitrixSummary = await bitrix.SyncAsync();
        var amoSummary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal((facts.BitrixCompanies, 0), (bitrixSummary.Companies, bitrixSummary.Skipped));
        Assert.Equal((facts.AmoCompanies, 0), (amoSummary.Companies, amoSummary.Skipped));
        var planted = facts.PostponedDue.Concat(facts.PostponedLater)
            .Select(p => (p.Card.Crm, p.Card.Id, Until: (DateTimeOffset?)Midnight(p.Until, facts.Clock.Offset), Reason: (string?)p.Reason))
            .OrderBy(p => p.Crm).ThenBy(p => p.Id)
            .ToList();
        var found = bitrix.Store.Companies.All().Concat(amo.Store.Companies.All())
            .Where(c => c.PostponedUntil is not null || c.PostponeReason is not null)
            .Select(c => (c.Ref.Crm, Id: long.Parse(c.Ref.Id, System.Globalization.CultureInfo.InvariantCulture), Until: c.PostponedUntil, Reason: c.PostponeReason))
            .OrderBy(p => p.Crm).ThenBy(p => p.Id)
            .ToList();
        Assert.Equal(planted, found);
        Assert.Contains(planted, p => p.Crm == CrmKind.Bitrix24);
        Assert.Contains(planted, p => p.Crm == CrmKind.AmoCrm);

        // The Bitrix24 cards past the first page were read by batched list commands.
        var firstPageEnd = bitrix.Store.Companies.All().Select(c => long.Parse(c.Ref.Id, System.Globalization.CultureInfo.InvariantCulture)).Order().ElementAt(49);
        Assert.Contains(planted, p => p.Crm == CrmKind.Bitrix24 && p.Id > firstPageEnd);
    }

    [Fact]
    public async Task A_batched_company_list_returns_user_fields_only_when_select_names_them()
    {
        using var http = new HttpClient();
        var batch = new
        {
            halt = 0,
            cmd = new Dictionary<string, string>
            {
                ["named"] = "crm.company.list?filter%5B%3EID%5D=0&order%5BID%5D=ASC&select%5B0%5D=ID&select%5B1%5D=UF_CRM_POSTPONED_UNTIL&select%5B2%5D=UF_CRM_POSTPONE_REASON&start=-1",
                ["unnamed"] = "crm.company.list?filter%5B%3EID%5D=0&order%5BID%5D=ASC&select%5B0%5D=ID&select%5B1%5D=TITLE&start=-1",
            },
        };

        using var response = await http.PostAsJsonAsync(new Uri(sandbox.Bitrix24WebhookUrl, "batch.json"), batch);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetProperty("result");

        var named = results.GetProperty("named").EnumerateArray().ToList();
        Assert.Equal(50, named.Count);
        Assert.All(named, row => Assert.Equal(
            ["ID", "UF_CRM_POSTPONED_UNTIL", "UF_CRM_POSTPONE_REASON"],
            row.EnumerateObject().Select(p => p.Name)));
        Assert.All(results.GetProperty("unnamed").EnumerateArray(), row => Assert.DoesNotContain(row.EnumerateObject(), p => p.Name.StartsWith("UF_", StringComparison.Ordinal)));
    }

    private static DateTimeOffset Midnight(DateOnly day, TimeSpan offset) => new(day.ToDateTime(TimeOnly.MinValue), offset);
}
