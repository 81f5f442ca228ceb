using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBridge.Core.Model;

namespace CrmBridge.Tests.Sandbox;

public class AmoSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Following_links_next_reads_every_company_and_a_page_past_the_end_is_204()
    {
        var ids = new List<long>();
        var url = "api/v4/companies?limit=250";
        var pages = 0;
        while (url is not null)
        {
            using var response = await sandbox.Http.SendAsync(sandbox.Amo(HttpMethod.Get, url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            ids.AddRange(page.GetProperty("_embedded").GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
            url = page.GetProperty("_links").TryGetProperty("next", out var next) ? next.GetProperty("href").GetString() : null;
            pages++;
        }

        using var past = await sandbox.Http.SendAsync(sandbox.Amo(HttpMethod.Get, $"api/v4/companies?limit=250&page={pages + 1}"));

        Assert.Equal(sandbox.Server.Portal.AmoCount, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(HttpStatusCode.NoContent, past.StatusCode);
        Assert.Empty(await past.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Companies_carry_the_inn_in_the_legal_entity_field_and_a_text_field()
    {
        var card = sandbox.Server.Facts.Liquidated.Single(c => c.Crm == CrmKind.AmoCrm);

        using var response = await sandbox.Http.SendAsync(sandbox.Amo(HttpMethod.Get, $"api/v4/companies?filter[id][]={card.Id}"));
        var company = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("_embedded").GetProperty("companies").EnumerateArray().Single();

        var fields = company.GetProperty("custom_fields_values").EnumerateArray().ToList();
        var legal = fields.Single(f => f.GetProperty("field_type").GetString() == "legal_entity").GetProperty("values")[0].GetProperty("value");
        Assert.Equal(card.Inn, legal.GetProperty("vat_id").GetString());
        Assert.Equal(card.Kpp, legal.GetProperty("kpp").GetString());
        Assert.Equal(card.Inn, fields.Single(f => f.GetProperty("field_name").GetString() == "ИНН").GetProperty("values")[0].GetProperty("value").GetString());
        Assert.Equal(card.Title, company.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Call_notes_and_owner_change_events_are_served_with_their_filters()
    {
        var timeout = sandbox.Server.Facts.OwnershipTimeouts.Single(o => o.Card.Crm == CrmKind.AmoCrm);
        var violation = sandbox.Server.Facts.CooldownViolations.Single(v => v.Card.Crm == CrmKind.AmoCrm);

        var notes = await AmoPages.ReadAllAsync(sandbox, "api/v4/companies/notes?limit=250&filter[note_type][]=call_in&filter[note_type][]=call_out", "notes");
        var events = await AmoPages.ReadAllAsync(sandbox, "api/v4/events?limit=100&filter[type][]=entity_responsible_changed", "events");

        Assert.All(notes, n => Assert.True(n.GetProperty("note_type").GetString() is "call_in" or "call_out"));
        var call = notes.Single(n => n.GetProperty("id").GetInt64() == violation.ViolatingActivityId);
        Assert.Equal("call_out", call.GetProperty("note_type").GetString());
        Assert.Equal(violation.ViolatingAt.ToUnixTimeSeconds(), call.GetProperty("created_at").GetInt64());
        Assert.Contains(events, e => e.GetProperty("entity_id").GetInt64() == timeout.Card.Id);
        Assert.All(events, e => Assert.Equal("entity_responsible_changed", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Patch_reassigns_a_company_and_tasks_are_accepted()
    {
        var card = sandbox.Server.Facts.OwnershipWarnings.Single(o => o.Card.Crm == CrmKind.AmoCrm).Card;
        var request = sandbox.Amo(HttpMethod.Patch, "api/v4/companies");
        request.Content = JsonContent.Create(new[] { new { id = card.Id, responsible_user_id = 8_100_002 } });

        using var patched = await sandbox.Http.SendAsync(request);
        var task = sandbox.Amo(HttpMethod.Post, "api/v4/tasks");
        task.Content = JsonContent.Create(new[] { new { text = "Позвонить", complete_till = 1_800_000_000, entity_id = card.Id, entity_type = "companies", request_id = "r1" } });
        using var created = await sandbox.Http.SendAsync(task);
        using var reread = await sandbox.Http.SendAsync(sandbox.Amo(HttpMethod.Get, $"api/v4/companies?filter[id][]={card.Id}"));

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("r1", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("_embedded").GetProperty("tasks")[0].GetProperty("request_id").GetString());
        var company = (await reread.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("_embedded").GetProperty("companies")[0];
        Assert.Equal(8_100_002, company.GetProperty("responsible_user_id").GetInt64());
    }

    [Fact]
    public async Task Patch_with_custom_field_values_is_recorded_and_an_unknown_field_is_a_validation_error()
    {
        var card = sandbox.Server.Facts.OwnershipWarnings.Single(o => o.Card.Crm == CrmKind.AmoCrm).Card;
        var fill = sandbox.Amo(HttpMethod.Patch, "api/v4/companies");
        fill.Content = JsonContent.Create(new[] { new { id = card.Id, custom_fields_values = new[] { new { field_id = 900_104, values = new[] { new { value = "773601001" } } } } } });
        var unknown = sandbox.Amo(HttpMethod.Patch, "api/v4/companies");
        unknown.Content = JsonContent.Create(new[] { new { id = card.Id, custom_fields_values = new[] { new { field_id = 123, values = new[] { new { value = "x" } } } } } });

        using var filled = await sandbox.Http.SendAsync(fill);
        using var refused = await sandbox.Http.SendAsync(unknown);

        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.Contains(sandbox.Server.CrmWrites, w => w.Method == "companies.patch" && w.EntityId == card.Id && w.Body.Contains("900104", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Refresh_tokens_work_once_and_a_reused_one_is_revoked()
    {
        var options = sandbox.Server.Options;
        var tokenUrl = new Uri(sandbox.Server.AmoCrmBaseUrl, "oauth2/access_token");
        using var first = await sandbox.Http.PostAsJsonAsync(tokenUrl, new { client_id = options.AmoClientId, client_secret = options.AmoClientSecret, grant_type = "authorization_code", code = options.AmoAuthorizationCode, redirect_uri = "https://example.org" });
        var issued = await first.Content.ReadFromJsonAsync<JsonElement>();
        var refresh = issued.GetProperty("refresh_token").GetString();

        using var refreshed = await sandbox.Http.PostAsJsonAsync(tokenUrl, new { client_id = options.AmoClientId, client_secret = options.AmoClientSecret, grant_type = "refresh_token", refresh_token = refresh, redirect_uri = "https://example.org" });
        using var reused = await sandbox.Http.PostAsJsonAsync(tokenUrl, new { client_id = options.AmoClientId, client_secret = options.AmoClientSecret, grant_type = "refresh_token", refresh_token = refresh, redirect_uri = "https://example.org" });
        var fresh = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.Server.AmoCrmBaseUrl, "api/v4/users"));
        call.Headers.Authorization = new("Bearer", fresh);
        using var users = await sandbox.Http.SendAsync(call);
        using var anonymous = await sandbox.Http.GetAsync(new Uri(sandbox.Server.AmoCrmBaseUrl, "api/v4/users"));

        Assert.Equal("Bearer", issued.GetProperty("token_type").GetString());
        Assert.Equal(86400, issued.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("Token has been revoked", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hint").GetString());
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
