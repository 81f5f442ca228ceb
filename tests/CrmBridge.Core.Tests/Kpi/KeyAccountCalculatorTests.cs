using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using static CrmBridge.Core.Tests.Kpi.KpiBaseBuilder;

namespace CrmBridge.Core.Tests.Kpi;

public class KeyAccountCalculatorTests
{
    private static readonly DateTimeOffset Now = Msk("2026-11-18 09:00");

    private static ClientBase Year() => new KpiBaseBuilder()
        .Company(CrmKind.Bitrix24, "K1", "ООО «Ромашка»", "7", "2020-01-01 00:00", inn: "7707083893")
        .Company(CrmKind.AmoCrm, "K2", "Ромашка (amo)", "123", "2022-01-01 00:00", inn: "7707083893")
        .Company(CrmKind.Bitrix24, "K3", "Лютик", "7", "2021-01-01 00:00", inn: "5024002119")
        .Company(CrmKind.Bitrix24, "K4", "Мелочь", "7", "2021-01-01 00:00")
        .Company(CrmKind.AmoCrm, "K6", "Foreign Ltd", "123", "2021-01-01 00:00")
        .Deal(CrmKind.Bitrix24, "W1", "7", "2026-01-01 10:00", "WON", 600_000m, DealOutcome.Won, closed: "2026-03-01 10:00", company: "K1")
        .Deal(CrmKind.AmoCrm, "W2", "123", "2026-01-01 10:00", "142", 100_000m, DealOutcome.Won, closed: "2026-04-01 10:00", company: "K2")
        .Deal(CrmKind.Bitrix24, "W3", "7", "2026-01-01 10:00", "WON", 200_000m, DealOutcome.Won, closed: "2026-05-01 10:00", company: "K3")
        .Deal(CrmKind.Bitrix24, "W4", "7", "2026-01-01 10:00", "WON", 100_000m, DealOutcome.Won, closed: "2026-06-01 10:00", company: "K4")
        .Deal(CrmKind.AmoCrm, "W6", "123", "2026-01-01 10:00", "142", 1_000m, DealOutcome.Won, closed: "2026-06-01 10:00", currency: "USD", company: "K6")
        .Deal(CrmKind.Bitrix24, "W7", "7", "2025-01-01 10:00", "WON", 1_000_000m, DealOutcome.Won, closed: "2025-11-18 08:59", company: "K4")
        .Deal(CrmKind.Bitrix24, "W8", "7", "2026-01-01 10:00", "LOSE", 500_000m, DealOutcome.Lost, closed: "2026-06-01 10:00", company: "K3")
        .Build();

    [Fact]
    public void Shares_follow_income_by_INN_across_CRMs_with_strict_thresholds()
    {
        var window = new TimeWindow(Now.AddDays(-365), Now);

        var shares = KeyAccountCalculator.Compute(KpiContext.From(Year(), new KpiSettings()), window);

        // RUB income of the last 365 days: Ромашка 600 000 + 100 000 (same INN in both CRMs) = 700 000, Лютик 200 000,
        // Мелочь 100 000 → total 1 000 000 (W7 closed a minute before the window, W8 was lost).
        // Shares 70 % (critical: > 20, not > 70), 20 % (key: > 10, not > 20), 10 % (not > 10: not listed).
        // USD is its own total: Foreign Ltd earns all of it → mono-client.
        Assert.Collection(
            shares,
            share => Assert.Equal(("Foreign Ltd", "USD", 100m, KeyAccountLevel.MonoClient), (share.ClientName, share.Currency, share.SharePercent, share.Level)),
            share => Assert.Equal(("ООО «Ромашка»", 700_000m, 70m, KeyAccountLevel.Critical), (share.ClientName, share.Income, share.SharePercent, share.Level)),
            share => Assert.Equal(("Лютик", 20m, KeyAccountLevel.Key), (share.ClientName, share.SharePercent, share.Level)));
    }

    [Fact]
    public void Converted_dollars_join_the_rouble_total()
    {
        var settings = new KpiSettings
        {
            Currency = new CurrencyPolicy { Mode = CurrencyMode.Convert, Rates = new Dictionary<string, decimal> { ["USD"] = 100m } },
        };

        var shares = KeyAccountCalculator.Compute(KpiContext.From(Year(), settings), new TimeWindow(Now.AddDays(-365), Now));

        // 1 000 USD × 100 = 100 000 RUB → total 1 100 000: Ромашка 63.6 %, Лютик 18.2 %, Мелочь and Foreign 9.1 % each.
        Assert.Equal([("ООО «Ромашка»", 63.6m), ("Лютик", 18.2m)], shares.Select(share => (share.ClientName, share.SharePercent)));
        Assert.All(shares, share => Assert.Equal("RUB", share.Currency));
    }
}
