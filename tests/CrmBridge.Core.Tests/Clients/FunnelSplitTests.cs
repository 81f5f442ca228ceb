using CrmBridge.Core.Clients;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Tests.Rules;

namespace CrmBridge.Core.Tests.Clients;

public class FunnelSplitTests
{
    private static FunnelFigures Funnel(ClientTable table) =>
        FunnelCalculator.Compute(
            KpiContext.From(table.Build(), new KpiSettings(), ClientBaseBuilder.Moscow, ClientTable.Now),
            new TimeWindow(ClientBaseBuilder.Day(960), ClientTable.Now));

    [Fact]
    public void Open_deals_split_into_acquisition_retention_and_reactivation_by_the_client_when_the_deal_was_opened()
    {
        var table = new ClientTable()
            // Never bought: acquisition.
            .Client("P", "O990")
            // Won on day 900, the deal opened 50 days later: an active client, retention.
            .Client("R", "W900 O950")
            // Won on day 300, then quiet until a call on day 980 (680 days > 180): woke up sleeping, reactivation.
            .Client("S", "W300 C980 O990")
            // Lost on day 200, never bought, quiet until the deal of day 900: a lost client, reactivation.
            .Client("L", "L200 O900")
            // Lost on day 950 and tried again on 990: 50 quiet days is no lost client yet, acquisition.
            .Client("F", "L950 O990");

        var byFunnel = Funnel(table).ByFunnel;

        Assert.Equal(2, byFunnel[FunnelKind.Acquisition].OpenCount);
        Assert.Equal(1, byFunnel[FunnelKind.Retention].OpenCount);
        Assert.Equal(2, byFunnel[FunnelKind.Reactivation].OpenCount);
        // Five open deals of 100 000 each: 200 000 + 100 000 + 200 000.
        Assert.Equal(200_000m, byFunnel[FunnelKind.Reactivation].OpenAmount["RUB"]);
        // The loss of day 950 is before the period [day 960, day 1000): no funnel lost a deal in it.
        Assert.All(byFunnel.Values, slice => Assert.Equal(0, slice.LostCount));
    }

    [Fact]
    public void Lost_deals_of_the_period_are_shown_with_their_reasons_and_their_funnel()
    {
        // Most frequent reason first; deals without a reason come after the named reasons of the same count.
        var table = new ClientTable()
            // Two never-bought clients lost for "Дорого" on days 970 and 980, one for no stated reason on day 975.
            .Client("1", "L970:Дорого")
            .Client("2", "L980:Дорого")
            .Client("3", "L975")
            // An active client (won on day 900) lost a deal on day 990 for "Выбрали конкурента": retention.
            .Client("4", "W900 L990:Выбрали_конкурента")
            // Lost on day 500, outside the period [960, 1000): not counted.
            .Client("5", "L500:Дорого");

        var funnel = Funnel(table);

        Assert.Equal(
            [("Дорого", 2), ("Выбрали_конкурента", 1), (null, 1)],
            funnel.LostReasons.Select(r => (r.Reason, r.Count)));
        Assert.Equal((3, 1, 0), (funnel.ByFunnel[FunnelKind.Acquisition].LostCount, funnel.ByFunnel[FunnelKind.Retention].LostCount, funnel.ByFunnel[FunnelKind.Reactivation].LostCount));
    }
}
