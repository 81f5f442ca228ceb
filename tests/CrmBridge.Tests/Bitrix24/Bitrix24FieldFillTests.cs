using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using CrmBridge.Tests.Bitrix24.Fakes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.Bitrix24;

public sealed class Bitrix24FieldFillTests : IDisposable
{
    private const string Inn = "7707083893";
    private const string Kpp = "773601001";
    private const string Ogrn = "1027700132195";
    private readonly FakePortal portal = new();

    [Fact]
    public async Task Empty_kpp_and_ogrn_are_written_into_the_requisite_that_holds_the_planned_inn()
    {
        Requisites(
            BitrixRows.Requisite(40, 2919, "7736207543", kpp: "770401001"),
            Empty(BitrixRows.Requisite(41, 2919, Inn, kpp: null)),
            Empty(BitrixRows.Requisite(43, 3000, Inn, kpp: null)));
        ExpectUpdate($$$"""{"id":41,"fields":{"RQ_KPP":"{{{Kpp}}}","RQ_OGRN":"{{{Ogrn}}}"}}""");
        using var host = new Bitrix24TestHost(portal);

        await Fill(host, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn });

        var read = Assert.Single(portal.CallsOf("crm.requisite.list"));
        Assert.Equal("""{"ENTITY_TYPE_ID":4,"ENTITY_ID":2919}""", read.Parameters["filter"]!.ToJsonString());
        Assert.Single(portal.Server.LogEntries, e => e.RequestMessage.Path == FakePortal.PathOf("crm.requisite.update"));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_kpp_a_person_entered_since_the_plan_is_not_overwritten()
    {
        var requisite = Empty(BitrixRows.Requisite(41, 2919, Inn, kpp: "773601002"));
        Requisites(requisite);
        ExpectUpdate($$$"""{"id":41,"fields":{"RQ_OGRN":"{{{Ogrn}}}"}}""");
        using var host = new Bitrix24TestHost(portal);

        await Fill(host, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn });

        Assert.Single(portal.Server.LogEntries, e => e.RequestMessage.Path == FakePortal.PathOf("crm.requisite.update"));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Nothing_is_sent_when_every_planned_field_is_filled_by_now_so_a_retry_is_harmless()
    {
        Requisites(BitrixRows.Requisite(41, 2919, Inn, kpp: "773601002"));
        using var host = new Bitrix24TestHost(portal);

        await Fill(host, new() { ["KPP"] = Kpp, ["OGRN"] = Ogrn });

        Assert.Equal(["crm.requisite.list"], portal.Calls.Select(c => c.Method));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_sole_traders_ogrnip_goes_into_its_own_field()
    {
        Requisites(Empty(BitrixRows.Requisite(41, 2919, "500100732259", kpp: null)));
        ExpectUpdate("""{"id":41,"fields":{"RQ_OGRNIP":"304500116000157"}}""");
        using var host = new Bitrix24TestHost(portal);

        await Fill(host, new() { ["OGRN"] = "304500116000157" }, inn: "500100732259");

        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_company_without_a_requisite_fails_for_good_and_nothing_is_created()
    {
        Requisites(Empty(BitrixRows.Requisite(43, 3000, Inn, kpp: null)));
        using var host = new Bitrix24TestHost(portal);

        var error = await Assert.ThrowsAsync<PermanentActionException>(() => Fill(host, new() { ["KPP"] = Kpp }));

        Assert.Contains("has no requisite", error.Message, StringComparison.Ordinal);
        Assert.Contains("preset", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakePortal.Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["crm.requisite.list"], portal.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task A_requisite_whose_inn_changed_since_the_plan_gets_nothing()
    {
        Requisites(Empty(BitrixRows.Requisite(41, 2919, "7736207543", kpp: null)));
        using var host = new Bitrix24TestHost(portal);

        var error = await Assert.ThrowsAsync<PermanentActionException>(() => Fill(host, new() { ["KPP"] = Kpp }));

        Assert.Contains($"INN {Inn}", error.Message, StringComparison.Ordinal);
        Assert.Equal(["crm.requisite.list"], portal.Calls.Select(c => c.Method));
    }

    public void Dispose() => portal.Dispose();

    private static Task Fill(Bitrix24TestHost host, Dictionary<string, string> fields, string inn = Inn) =>
        host.Time.RunAsync(() => host.Connector.FillEmptyCompanyFieldsAsync(
            new CrmRef(CrmKind.Bitrix24, host.Connector.Account, "2919"), fields, inn, CancellationToken.None));

    private static JsonObject Empty(JsonObject requisite)
    {
        requisite["RQ_OGRN"] = "";
        return requisite;
    }

    private void Requisites(params JsonObject[] rows) => portal.Tables["crm.requisite.list"] = [.. rows];

    private void ExpectUpdate(string body) =>
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.requisite.update")).UsingPost().WithBody(new JsonMatcher(body)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"result":true,"time":{"operating":0.1}}"""));
}
