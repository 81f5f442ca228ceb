using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class ClientCooldownTests
{
    // One client: Bitrix24 card 1 (Иванов, user 7) and amoCRM card 77 (Петров, user 124) of the same INN.
    private static ClientBaseBuilder TwoCards() => new ClientBaseBuilder()
        .Manager("7", "Иванов").Manager("124", "Петров", crm: CrmKind.AmoCrm)
        .Company("1", "7").Company("77", "124", crm: CrmKind.AmoCrm)
        // Петров called the client through amoCRM on day 0; Иванов called it through Bitrix24 on day 10.
        .Call("77", "124", Day(0), crm: CrmKind.AmoCrm)
        .Call("1", "7", Day(10));

    [Fact]
    public void A_contact_on_the_amoCRM_card_starts_the_rest_for_the_Bitrix24_card_of_the_same_INN()
    {
        // Rest of 30 days from day 0: the call of day 10 is a violation, reported on the Bitrix24 card.
        var input = TwoCards().At(Day(10, 18), innGroups: [Ref("1"), Ref("77", CrmKind.AmoCrm)]);

        var finding = Assert.Single(new CooldownRule().Evaluate(input));

        Assert.Equal(Ref("1"), finding.Subject);
        Assert.Equal(("Иванов", "Петров"), (finding.Data["managerName"], finding.Data["previousManagerName"]));
        Assert.Equal(Ref("77", CrmKind.AmoCrm).Key, finding.Data["previousContactCard"]);
        Assert.Equal("2026-04-01", finding.Data["restUntil"]);
    }

    [Fact]
    public void Cards_of_different_clients_rest_apart()
    {
        var input = TwoCards().At(Day(10, 18));

        Assert.Empty(new CooldownRule().Evaluate(input));
    }

    [Fact]
    public void The_callable_list_shows_the_Bitrix24_card_resting_after_the_amoCRM_call()
    {
        var input = new ClientBaseBuilder()
            .Manager("7", "Иванов").Manager("124", "Петров", crm: CrmKind.AmoCrm)
            .Company("1", "7").Company("77", "124", crm: CrmKind.AmoCrm)
            .Call("77", "124", Day(0), crm: CrmKind.AmoCrm)
            .At(Day(5), innGroups: [Ref("1"), Ref("77", CrmKind.AmoCrm)]);

        var list = CallableList.For(input, [Ref("7")]);

        var resting = Assert.Single(list.Resting);
        Assert.Equal((Ref("1"), new DateOnly(2026, 4, 1)), (resting.Company.Ref, resting.CallableFrom));
        Assert.Empty(list.Callable);
    }
}
