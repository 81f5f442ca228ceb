using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoCrmFieldFillTests
{
    private const string Inn = "7736207543";
    private const string Kpp = "770401001";
    private const string Ogrn = "1027700229193";
    private const long InnField = 555001;
    private const long KppField = 555002;
    private const long OgrnField = 555003;

    [Fact]
    public async Task Empty_kpp_and_ogrn_are_patched_into_the_configured_fields_after_reading_the_card_again()
    {
        using var amo = Harness(s => s["AmoCrm:OgrnFieldId"] = "555003");
        ServeCompany(amo, (InnField, Inn));
        ExpectPatch(amo, $$"""[{"id":2002,"custom_fields_values":[{"field_id":555002,"values":[{"value":"{{Kpp}}"}]},{"field_id":555003,"values":[{"value":"{{Ogrn}}"}]}]}]""");

        await Fill(amo, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn });

        var read = Assert.Single(amo.Requests("/api/v4/companies"), e => e.RequestMessage.Method == "GET");
        Assert.Equal("2002", AmoCrmHarness.Query(read)["filter[id][]"].Single());
        Assert.Single(amo.Requests("/api/v4/companies"), e => e.RequestMessage.Method == "PATCH");
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_kpp_a_person_entered_since_the_plan_is_not_overwritten()
    {
        using var amo = Harness(s => s["AmoCrm:OgrnFieldCode"] = "OGRN");
        ServeCompany(amo, (InnField, Inn), (KppField, "770401002"));
        ExpectPatch(amo, $$"""[{"id":2002,"custom_fields_values":[{"field_code":"OGRN","values":[{"value":"{{Ogrn}}"}]}]}]""");

        await Fill(amo, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn });

        Assert.Single(amo.Requests("/api/v4/companies"), e => e.RequestMessage.Method == "PATCH");
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task Nothing_is_patched_when_every_planned_field_is_filled_by_now_so_a_retry_is_harmless()
    {
        using var amo = Harness(s => s["AmoCrm:OgrnFieldId"] = "555003");
        ServeCompany(amo, (InnField, Inn), (KppField, Kpp), (OgrnField, Ogrn));

        await Fill(amo, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn });

        Assert.All(amo.Server.LogEntries, e => Assert.Equal("GET", e.RequestMessage.Method));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task An_ogrn_without_a_configured_field_is_left_out_and_the_kpp_still_written()
    {
        using var amo = Harness();
        ServeCompany(amo, (InnField, Inn));
        ExpectPatch(amo, $$"""[{"id":2002,"custom_fields_values":[{"field_id":555002,"values":[{"value":"{{Kpp}}"}]}]}]""");

        await Fill(amo, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn });

        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task Without_a_configured_field_the_action_fails_for_good_naming_the_setting()
    {
        using var amo = Harness(s => s["AmoCrm:KppFieldId"] = null);

        var failure = await Assert.ThrowsAsync<PermanentActionException>(() => Fill(amo, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn }));

        Assert.Contains("AmoCrm:KppFieldId", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AmoCrm:OgrnFieldId", failure.Message, StringComparison.Ordinal);
        Assert.Empty(amo.Server.LogEntries);
    }

    [Fact]
    public async Task A_card_whose_inn_changed_since_the_plan_gets_nothing()
    {
        using var amo = Harness();
        ServeCompany(amo, (InnField, "7707083893"));

        var failure = await Assert.ThrowsAsync<PermanentActionException>(() => Fill(amo, new() { ["KPP"] = Kpp }));

        Assert.Contains($"INN {Inn}", failure.Message, StringComparison.Ordinal);
        Assert.All(amo.Server.LogEntries, e => Assert.Equal("GET", e.RequestMessage.Method));
        amo.AssertOnlyExpectedRequests();
    }

    private static AmoCrmHarness Harness(Action<Dictionary<string, string?>>? configure = null) =>
        AmoCrmHarness.LongLived(s =>
        {
            s["AmoCrm:InnFieldId"] = "555001";
            s["AmoCrm:KppFieldId"] = "555002";
            configure?.Invoke(s);
        });

    private static Task Fill(AmoCrmHarness amo, Dictionary<string, string> fields) =>
        amo.Connector.FillEmptyCompanyFieldsAsync(new CrmRef(CrmKind.AmoCrm, amo.Account, "2002"), fields, Inn, CancellationToken.None);

    /// <summary>The company as GET /api/v4/companies?filter[id][]=2002 lists it (crm-api.md 2.2, 2.3), with text fields.</summary>
    private static void ServeCompany(AmoCrmHarness amo, params (long Id, string Value)[] fields)
    {
        var values = new JsonArray([.. fields.Select(f => new JsonObject
        {
            ["field_id"] = f.Id,
            ["field_name"] = f.Id == InnField ? "ИНН" : f.Id == KppField ? "КПП" : "ОГРН",
            ["field_code"] = f.Id == OgrnField ? "OGRN" : null,
            ["field_type"] = "text",
            ["values"] = new JsonArray(new JsonObject { ["value"] = f.Value }),
        })]);
        var company = new JsonObject
        {
            ["id"] = 2002,
            ["name"] = "ООО Яндекс",
            ["responsible_user_id"] = 504142,
            ["group_id"] = 0,
            ["created_by"] = 504141,
            ["updated_by"] = 504141,
            ["created_at"] = 1700000000,
            ["updated_at"] = 1700000200,
            ["is_deleted"] = false,
            ["custom_fields_values"] = values,
            ["account_id"] = 28805383,
        };
        var page = new JsonObject
        {
            ["_page"] = 1,
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = "https://example.amocrm.ru/api/v4/companies?filter%5Bid%5D%5B%5D=2002" } },
            ["_embedded"] = new JsonObject { ["companies"] = new JsonArray(company) },
        };
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/hal+json").WithBody(page.ToJsonString()));
    }

    private static void ExpectPatch(AmoCrmHarness amo, string body) =>
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingPatch().WithBody(new JsonMatcher(body)))
            .RespondWith(AmoCrmHarness.Json("companies.patched.json"));
}
