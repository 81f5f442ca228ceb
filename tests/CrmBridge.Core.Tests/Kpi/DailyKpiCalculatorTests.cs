using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using static CrmBridge.Core.Tests.Kpi.KpiBaseBuilder;

namespace CrmBridge.Core.Tests.Kpi;

public class DailyKpiCalculatorTests
{
    private static readonly DateTimeOffset Now = Msk("2026-11-18 09:00");

    private static readonly KpiSettings Settings = new()
    {
        ManagerPlans = new Dictionary<string, ManagerPlan>
        {
            ["Anna@X.ru"] = new() { Daily = new DailyPlan(Calls: 20, Meetings: 2, DealsCreated: 1, DealsWon: 1) },
        },
        People = new PeopleSettings { Pool = ["bitrix24:1"] },
    };

    private static ClientBase Yesterday17November() => new KpiBaseBuilder()
        .Manager(CrmKind.Bitrix24, "7", "Anna", "anna@x.ru")
        .Manager(CrmKind.AmoCrm, "123", "Anna (amo)", "ANNA@X.RU")
        .Manager(CrmKind.Bitrix24, "9", "Boris", "boris@x.ru")
        .Manager(CrmKind.Bitrix24, "1", "Pool", "pool@x.ru")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-17 10:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-17 23:59", direction: Direction.Inbound)
        .Activity(CrmKind.AmoCrm, ActivityKind.Call, "123", "2026-11-17 00:00")
        .Activity(CrmKind.AmoCrm, ActivityKind.Call, "123", "2026-11-18 00:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-17 12:00", completed: false)
        .Activity(CrmKind.Bitrix24, ActivityKind.Meeting, "7", "2026-11-17 15:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Email, "7", "2026-11-17 11:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "9", "2026-11-17 11:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "1", "2026-11-17 11:00")
        .Deal(CrmKind.Bitrix24, "D1", "7", "2026-11-17 11:00", "NEW", 100_000m)
        .Deal(CrmKind.AmoCrm, "L1", "123", "2026-11-17 20:00", "1001", 50_000m)
        .Deal(CrmKind.Bitrix24, "D2", "7", "2026-10-01 10:00", "WON", 300_000m, DealOutcome.Won, closed: "2026-11-17 18:00")
        .Deal(CrmKind.AmoCrm, "L2", "123", "2026-10-10 10:00", "142", 2_000m, DealOutcome.Won, closed: "2026-11-17 09:00", currency: "USD")
        .Deal(CrmKind.Bitrix24, "D3", "9", "2026-11-16 23:00", "WON", 70_000m, DealOutcome.Won, closed: "2026-11-18 00:00")
        .Build();

    private static IReadOnlyList<ManagerDay> Compute(ClientBase clientBase, KpiSettings settings) =>
        DailyKpiCalculator.Compute(KpiContext.From(clientBase, settings), KpiWindows.Yesterday(Now, Moscow));

    [Fact]
    public void One_person_in_both_CRMs_is_counted_once_by_email_and_the_pool_user_is_nobody()
    {
        var days = Compute(Yesterday17November(), Settings);

        Assert.Equal(["Anna", "Boris"], days.Select(day => day.Manager.Name));
        Assert.Equal(2, days[0].Manager.Users.Count);
    }

    [Fact]
    public void Outgoing_calls_and_the_amount_of_deals_created_are_counted_too()
    {
        var anna = Compute(Yesterday17November(), Settings)[0];

        // Outgoing: 10:00 (b24) and 00:00 (amo, default direction outbound); the 23:59 call was inbound = 2.
        // Created yesterday: D1 100 000 RUB (b24) + L1 50 000 RUB (amo) = 150 000 RUB.
        Assert.Equal((2, 150_000m), (anna.CallsOut, anna.CreatedAmount["RUB"]));
    }

    [Fact]
    public void Yesterday_counts_completed_calls_and_meetings_in_Moscow_time()
    {
        var anna = Compute(Yesterday17November(), Settings)[0];

        // Calls: 10:00 (out, b24) + 23:59 (in, b24) + 00:00 (amo, the window's first moment) = 3.
        // Not counted: 18 Nov 00:00 (today), the open call at 12:00, the e-mail. Meetings: 15:00 = 1.
        Assert.Equal(3, anna.Calls);
        Assert.Equal(1, anna.Meetings);
    }

    [Fact]
    public void Deals_created_and_won_yesterday_keep_two_currencies_apart()
    {
        var anna = Compute(Yesterday17November(), Settings)[0];

        // Created: D1 (b24, 11:00) and L1 (amo, 20:00) = 2. Won: D2 300 000 RUB and L2 2 000 USD = 2 deals, two amounts.
        Assert.Equal(2, anna.DealsCreated);
        Assert.Equal(2, anna.DealsWon);
        Assert.Equal(300_000m, anna.WonAmount["RUB"]);
        Assert.Equal(2_000m, anna.WonAmount["USD"]);
        Assert.Equal(2, anna.WonAmount.Amounts.Count);
    }

    [Fact]
    public void With_a_configured_rate_the_dollars_are_converted_into_roubles()
    {
        var settings = Settings with
        {
            Currency = new CurrencyPolicy { Mode = CurrencyMode.Convert, BaseCurrency = "RUB", Rates = new Dictionary<string, decimal> { ["USD"] = 90m } },
        };

        var anna = Compute(Yesterday17November(), settings)[0];

        // 300 000 + 2 000 × 90 = 480 000 RUB, nothing left in USD.
        Assert.Equal(MoneyBag.Of("RUB", 480_000m), anna.WonAmount);
    }

    [Fact]
    public void The_plan_is_found_by_email_and_a_manager_without_one_has_none()
    {
        var days = Compute(Yesterday17November(), Settings);

        Assert.Equal(new DailyPlan(20, 2, 1, 1), days[0].Plan);
        Assert.Null(days[1].Plan);

        // Boris: one call at 11:00; D3 was created the day before and won today, so neither counts.
        Assert.Equal((1, 0, 0, 0), (days[1].Calls, days[1].Meetings, days[1].DealsCreated, days[1].DealsWon));
        Assert.True(days[1].WonAmount.IsEmpty);
    }

    [Fact]
    public void An_empty_base_gives_no_managers_and_no_errors()
    {
        Assert.Empty(Compute(ClientBase.Empty, Settings));
    }
}
