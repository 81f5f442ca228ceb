using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBridge.Core.Model;

namespace CrmBridge.Tests.Sandbox;

public class BitrixSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly string[] AllWithPhone = ["*", "PHONE"];
    private static readonly string[] All = ["*"];

    private static long Id(JsonElement row) => long.Parse(row.GetProperty("ID").GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_chained_batch_returns_2500_companies_with_ids_continuing_across_commands()
    {
        var cmd = new Dictionary<string, string>();
        for (var i = 0; i < 50; i++)
        {
            var after = i == 0 ? "0" : $"$result[c{i - 1}][49][ID]";
            cmd[$"c{i}"] = $"crm.company.list?filter[>ID]={after}&order[ID]=ASC&start=-1&select[]=ID&select[]=TITLE&select[]=ASSIGNED_BY_ID";
        }

        var reply = await sandbox.BitrixAsync("batch", new { halt = 0, cmd });

        var result = reply.GetProperty("result");
        Assert.Equal(JsonValueKind.Array, result.GetProperty("result_error").ValueKind);
        var ids = Enumerable.Range(0, 50).SelectMany(i => result.GetProperty("result").GetProperty($"c{i}").EnumerateArray().Select(Id)).ToList();
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => (long)i), ids);
        var first = result.GetProperty("result").GetProperty("c0")[0];
        Assert.Equal(sandbox.Server.Portal.Company(CrmKind.Bitrix24, 0).Title, first.GetProperty("TITLE").GetString());
        Assert.False(first.TryGetProperty("DATE_CREATE", out _));
    }

    [Fact]
    public async Task A_batch_reference_works_when_the_command_is_url_encoded()
    {
        var cmd = new Dictionary<string, string>
        {
            ["a"] = "crm.deal.list?filter%5B%3EID%5D=0&start=-1",
            ["b"] = "crm.deal.list?filter%5B%3EID%5D=%24result%5Ba%5D%5B49%5D%5BID%5D&start=-1",
        };

        var result = (await sandbox.BitrixAsync("batch", new { halt = 0, cmd })).GetProperty("result").GetProperty("result");

        var lastOfA = Id(result.GetProperty("a")[49]);
        Assert.True(Id(result.GetProperty("b")[0]) > lastOfA);
        Assert.Equal(50, result.GetProperty("b").GetArrayLength());
    }

    [Fact]
    public async Task A_reference_past_the_last_row_lifts_the_filter_so_a_client_must_stop_at_the_first_short_page()
    {
        var lastId = sandbox.Server.Portal.BitrixCount;
        var cmd = new Dictionary<string, string>
        {
            ["a"] = $"crm.company.list?filter[>ID]={lastId - 10}&start=-1",
            ["b"] = "crm.company.list?filter[>ID]=$result[a][49][ID]&start=-1",
        };

        var result = (await sandbox.BitrixAsync("batch", new { halt = 0, cmd })).GetProperty("result").GetProperty("result");

        Assert.Equal(10, result.GetProperty("a").GetArrayLength());
        Assert.Equal(1, Id(result.GetProperty("b")[0]));
    }

    [Fact]
    public async Task Paging_with_start_minus_one_reads_every_company_once_without_a_total()
    {
        var seen = new List<long>();
        long last = 0;
        while (true)
        {
            var page = await sandbox.BitrixAsync("crm.company.list", new Dictionary<string, object>
            {
                ["filter"] = new Dictionary<string, object> { [">ID"] = last },
                ["order"] = new { ID = "ASC" },
                ["start"] = -1,
            });
            Assert.False(page.TryGetProperty("next", out _));
            Assert.Equal(0, page.GetProperty("total").GetInt32());
            var rows = page.GetProperty("result").EnumerateArray().Select(Id).ToList();
            seen.AddRange(rows);
            if (rows.Count < 50)
            {
                break;
            }

            last = rows[^1];
        }

        Assert.Equal(sandbox.Server.Portal.BitrixCount, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Offset_paging_reports_total_and_next()
    {
        var page = await sandbox.BitrixAsync("crm.company.list", new { start = 100 });

        Assert.Equal(150, page.GetProperty("next").GetInt32());
        Assert.Equal(sandbox.Server.Portal.BitrixCount, page.GetProperty("total").GetInt32());
        Assert.Equal(101, Id(page.GetProperty("result")[0]));
        Assert.True(page.GetProperty("time").TryGetProperty("operating_reset_at", out _));
    }

    [Fact]
    public async Task Requisites_carry_the_inn_and_multifields_come_only_when_selected()
    {
        var invalid = sandbox.Server.Facts.InvalidInns.Single(c => c.Crm == CrmKind.Bitrix24);

        var requisites = await sandbox.BitrixAsync("crm.requisite.list", new { filter = new Dictionary<string, object> { ["ENTITY_TYPE_ID"] = 4, ["ENTITY_ID"] = invalid.Id } });
        var withPhone = await sandbox.BitrixAsync("crm.company.list", new { filter = new Dictionary<string, object> { ["ID"] = invalid.Id }, select = AllWithPhone });
        var withoutPhone = await sandbox.BitrixAsync("crm.company.list", new { filter = new Dictionary<string, object> { ["ID"] = invalid.Id }, select = All });

        Assert.Equal(invalid.Inn, requisites.GetProperty("result").EnumerateArray().Single().GetProperty("RQ_INN").GetString());
        Assert.StartsWith("+7", withPhone.GetProperty("result")[0].GetProperty("PHONE")[0].GetProperty("VALUE").GetString(), StringComparison.Ordinal);
        Assert.False(withoutPhone.GetProperty("result")[0].TryGetProperty("PHONE", out _));
    }

    [Fact]
    public async Task Reassigning_a_company_changes_its_owner_and_modification_time()
    {
        var card = sandbox.Server.Facts.OwnershipTimeouts.First(c => c.Card.Crm == CrmKind.Bitrix24).Card;

        var updated = await sandbox.BitrixAsync("crm.company.update", new { id = card.Id, fields = new { ASSIGNED_BY_ID = 2 } });
        var row = (await sandbox.BitrixAsync("crm.company.list", new { filter = new Dictionary<string, object> { ["ID"] = card.Id } })).GetProperty("result")[0];

        Assert.True(updated.GetProperty("result").GetBoolean());
        Assert.Equal("2", row.GetProperty("ASSIGNED_BY_ID").GetString());
        Assert.True(DateTimeOffset.Parse(row.GetProperty("DATE_MODIFY").GetString()!, CultureInfo.InvariantCulture) > sandbox.Server.Portal.Clock.Now);
        Assert.Contains(sandbox.Server.CrmWrites, w => w.Method == "crm.company.update" && w.EntityId == card.Id);
    }

    [Fact]
    public async Task A_requisite_update_is_recorded_for_its_company_and_an_unknown_requisite_is_not_found()
    {
        var card = sandbox.Server.Facts.InvalidInns.Single(c => c.Crm == CrmKind.Bitrix24);

        var updated = await sandbox.BitrixAsync("crm.requisite.update", new { id = card.Id, fields = new Dictionary<string, string> { ["RQ_KPP"] = "773601001" } });
        using var missing = await sandbox.Http.PostAsJsonAsync(new Uri(sandbox.Server.Bitrix24WebhookUrl, "crm.requisite.update.json"), new { id = 999_999_999, fields = new { RQ_KPP = "773601001" } });

        Assert.True(updated.GetProperty("result").GetBoolean());
        Assert.Contains(sandbox.Server.CrmWrites, w => w.Method == "crm.requisite.update" && w.EntityId == card.Id && w.Body.Contains("RQ_KPP", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("is not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_auth_found_and_an_unknown_method_method_not_found()
    {
        var wrong = new Uri(sandbox.Server.BaseUri, "bitrix24/rest/1/wrong/crm.company.list.json");
        using var unauthorized = await sandbox.Http.PostAsync(wrong, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var unknown = await sandbox.Http.PostAsync(new Uri(sandbox.Server.Bitrix24WebhookUrl, "crm.nothing.json"), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("NO_AUTH_FOUND", await unauthorized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("ERROR_METHOD_NOT_FOUND", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_history_and_activities_are_served_for_a_planted_card()
    {
        var violation = sandbox.Server.Facts.CooldownViolations.First(v => v.Card.Crm == CrmKind.Bitrix24);

        var activities = await sandbox.BitrixAsync("crm.activity.list", new { filter = new Dictionary<string, object> { ["OWNER_TYPE_ID"] = 4, ["OWNER_ID"] = violation.Card.Id } });
        var deal = (await sandbox.BitrixAsync("crm.deal.list", new { filter = new Dictionary<string, object> { ["COMPANY_ID"] = violation.Card.Id } })).GetProperty("result")[0];
        var history = await sandbox.BitrixAsync("crm.stagehistory.list", new { entityTypeId = 2, filter = new Dictionary<string, object> { ["OWNER_ID"] = Id(deal) } });

        var call = activities.GetProperty("result").EnumerateArray().Single(a => Id(a) == violation.ViolatingActivityId);
        Assert.Equal("2", call.GetProperty("TYPE_ID").GetString());
        Assert.Equal("2", call.GetProperty("DIRECTION").GetString());
        Assert.Equal("Y", call.GetProperty("COMPLETED").GetString());
        Assert.Equal(violation.ViolatingAt, DateTimeOffset.Parse(call.GetProperty("START_TIME").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(["NEW", "PREPARATION"], history.GetProperty("result").GetProperty("items").EnumerateArray().Select(h => h.GetProperty("STAGE_ID").GetString()));
    }
}
