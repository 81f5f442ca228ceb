using CrmBridge.Core.Clients;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Tests.Clients;

public class ClientStatusTests
{
    // Now is day 1000 (2028-11-26); the 12-month window starts on 2027-11-26, day 634. Sleeping term: 180 days.
    [Theory]
    // No deal at all: never won.
    [InlineData("", ClientStatus.New)]
    // Only a lost deal: still never won.
    [InlineData("L900", ClientStatus.New)]
    // One won deal; before it only its own opening 10 days earlier, no quiet spell after a closed deal.
    [InlineData("W950", ClientStatus.OneOff)]
    // Won on day 700, called on 800, the next deal opened on 940 and won on 950: gaps 100 and 140 days, never asleep;
    // the repeat came 250 days after the previous win, within 12 months.
    [InlineData("W700 C800 W950", ClientStatus.Regular)]
    // The same two wins without the call: 240 quiet days (700 → 940) after a win, so the client slept and was won back.
    [InlineData("W700 W950", ClientStatus.Reactivated)]
    // Lost on day 300 and never bought; the next deal opened on 890 after 600 quiet days: won back after being lost.
    [InlineData("L300 W900", ClientStatus.Reactivated)]
    // A fresh loss 50 days before the next deal opened is no lost client: the first win is just one win.
    [InlineData("L850 W900", ClientStatus.OneOff)]
    // Won on days 100 and 600: the repeat came 500 days later (beyond 12 months) and is itself outside the window.
    [InlineData("W100 C200 C350 C500 W600", ClientStatus.OneOff)]
    public void Status_follows_the_relationship(string events, ClientStatus expected)
    {
        var book = ClientTable.Book(new ClientTable().Client("1", events).Build());

        Assert.Equal(expected, book.StatusOf(0).Status);
    }

    [Theory]
    // Income in the window: wins on days 700 and 950, 100 000 each = 200 000 (both after day 634).
    [InlineData(null, null, ClientStatus.Regular)]
    [InlineData(150_000, null, ClientStatus.Partner)]
    [InlineData(150_000, 200_000, ClientStatus.Vip)]
    [InlineData(150_000, 250_000, ClientStatus.Partner)]
    public void Partner_and_VIP_by_income_over_the_window(int? partner, int? vip, ClientStatus expected)
    {
        var settings = new ClientSettings { PartnerIncome = partner, VipIncome = vip };

        var book = ClientTable.Book(new ClientTable().Client("1", "W700 C800 W950").Build(), settings);

        Assert.Equal(expected, book.StatusOf(0).Status);
    }

    [Fact]
    public void A_CRM_field_marks_a_VIP_even_before_the_first_win()
    {
        var settings = new ClientSettings
        {
            StatusFieldValues = new Dictionary<string, ClientStatus> { ["VIP-клиент"] = ClientStatus.Vip, ["Партнёр"] = ClientStatus.Partner },
        };

        var book = ClientTable.Book(
            new ClientTable().Client("1", "", statusField: " vip-клиент ").Client("2", "W950", statusField: "Партнёр").Client("3", "W950", statusField: "другое").Build(),
            settings);

        Assert.Equal(
            [ClientStatus.Vip, ClientStatus.Partner, ClientStatus.OneOff],
            [book.StatusOf(0).Status, book.StatusOf(1).Status, book.StatusOf(2).Status]);
    }

    [Fact]
    public void Cards_of_one_INN_in_both_CRMs_are_one_client()
    {
        // Won on the Bitrix24 card on day 700 and on the amoCRM card on day 950, with a call on day 800 in amoCRM:
        // one client won twice within 12 months, never quiet for 180 days.
        var book = ClientTable.Book(new ClientTable().Client("1", "W700 C800@amo W950@amo", inn: "7707083893").Build());

        Assert.Equal(1, book.Groups.Count);
        Assert.Equal(ClientStatus.Regular, book.StatusOf(0).Status);
    }
}
