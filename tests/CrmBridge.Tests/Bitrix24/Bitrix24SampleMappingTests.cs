using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Tests.Bitrix24.Fakes;

namespace CrmBridge.Tests.Bitrix24;

/// <summary>The vendor's published replies, served by the fake portal, end up in the Store with the right types.</summary>
public sealed class Bitrix24SampleMappingTests : IDisposable
{
    private readonly FakePortal portal = new FakePortal().WithEmptyPortal();

    [Fact]
    public async Task String_ids_multifields_and_dates_with_offsets_from_the_company_list_sample_are_mapped()
    {
        var row = ResultOf("crm.company.list.response.json").AsArray()[0]!.AsObject();
        row["DATE_CREATE"] = "2026-01-27T10:27:39+01:00";
        row["DATE_MODIFY"] = "2026-01-27T11:00:00+01:00";
        portal.Tables["crm.company.list"].Add(row);
        using var host = new Bitrix24TestHost(portal);

        await host.SyncAsync();

        var company = host.Store.Companies.All().Single();
        Assert.Equal(new CrmRef(CrmKind.Bitrix24, portal.Host, "2919"), company.Ref);
        Assert.Equal(("Crossroads", "811"), (company.Title, company.OwnerId));
        Assert.Equal(["+19998887766"], company.Phones);
        Assert.Equal(TimeSpan.FromHours(1), company.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 27, 9, 27, 39, TimeSpan.Zero), company.CreatedAt.ToUniversalTime());
    }

    [Fact]
    public async Task Amount_as_string_y_n_flags_and_semantics_from_the_deal_sample_are_mapped()
    {
        portal.Tables["crm.deal.list"].Add(ResultOf("crm.deal.get.response.json").AsObject());
        using var host = new Bitrix24TestHost(portal);

        await host.SyncAsync();

        var deal = host.Store.Deals.All().Single();
        Assert.Equal((1000000.00m, "EUR", "PREPARATION", "0", DealOutcome.Open), (deal.Amount, deal.Currency, deal.StageId, deal.PipelineId, deal.Outcome));
        Assert.Equal(new CrmRef(CrmKind.Bitrix24, portal.Host, "9"), deal.Company);
        Assert.Null(deal.ClosedAt);
        Assert.Equal(new DateTimeOffset(2024, 8, 30, 14, 29, 0, TimeSpan.FromHours(2)), deal.StageEnteredAt);
    }

    [Fact]
    public async Task Configured_loss_reason_margin_and_status_fields_are_read_from_user_fields()
    {
        var deal = ResultOf("crm.deal.get.response.json").AsObject();
        deal["STAGE_SEMANTIC_ID"] = "F";
        deal["UF_CRM_LOSS"] = "Дорого";
        deal["UF_CRM_MARGIN"] = "-250000.50|EUR";
        portal.Tables["crm.deal.list"].Add(deal);
        var company = BitrixRows.Company(1);
        company["UF_CRM_TIER"] = "VIP";
        portal.Tables["crm.company.list"].Add(company);
        using var host = new Bitrix24TestHost(portal, new Dictionary<string, string?>
        {
            ["Bitrix24:LossReasonField"] = "UF_CRM_LOSS",
            ["Bitrix24:MarginField"] = "UF_CRM_MARGIN",
            ["Bitrix24:StatusField"] = "UF_CRM_TIER",
        });

        await host.SyncAsync();

        var lost = host.Store.Deals.All().Single();
        Assert.Equal((DealOutcome.Lost, "Дорого", (decimal?)-250000.50m), (lost.Outcome, lost.LossReason, lost.Margin));
        Assert.Equal("VIP", host.Store.Companies.All().Single().StatusFieldValue);
    }

    [Fact]
    public async Task The_requisite_sample_gives_the_company_its_inn_and_a_malformed_neighbour_is_skipped_with_its_id()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        var sample = ResultOf("crm.requisite.get.response.json").AsObject();
        var malformed = sample.DeepClone().AsObject();
        malformed["ID"] = "28";
        malformed["DATE_CREATE"] = "вчера";
        portal.Tables["crm.requisite.list"].AddRange([sample, malformed]);
        using var host = new Bitrix24TestHost(portal);

        var summary = await host.SyncAsync();

        var company = host.Store.Companies.All().Single();
        Assert.Equal(("1717586110", "770501001", "5077746476209"), (company.Inn, company.Kpp, company.Ogrn));
        Assert.Equal("27", Assert.Single(company.Requisites).Id);
        Assert.Equal(1, summary.Skipped);
        Assert.Contains(host.Logs.Lines, l => l.Contains("skipped malformed requisite record id 28", StringComparison.Ordinal));
    }

    public void Dispose() => portal.Dispose();

    private static JsonNode ResultOf(string fixture) => JsonNode.Parse(Fixture.Read(fixture))!["result"]!.DeepClone();
}
