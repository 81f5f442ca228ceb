using System.Buffers.Binary;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Digest;
using CrmBridge.Notifications;

namespace CrmBridge.Tests.Digest;

public sealed class DigestChartTests
{
    // Wednesday 18 November 2026, 09:00 Moscow: the month so far holds the working days 2–6, 9–13, 16–17 November = 12.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly CrmRef BitrixSales = new(CrmKind.Bitrix24, "portal.bitrix24.ru", "0");
    private static readonly CrmRef AmoSales = new(CrmKind.AmoCrm, "shop", "777");
    private static readonly CrmRef AmoEmpty = new(CrmKind.AmoCrm, "shop", "778");

    [Fact]
    public void Each_pipeline_gets_its_own_funnel_named_with_its_crm_and_the_empty_unsorted_stage_is_left_out()
    {
        var pipelines = FunnelChart.Pipelines(Report().Funnel);

        // Two CRMs, one pipeline name: two funnels. The pipeline without open deals has none.
        Assert.Equal(["Продажи · Bitrix24", "Продажи · amoCRM"], pipelines.Select(FunnelChart.Title));
        Assert.Equal(["Новый тендер", "Переговоры", "Договор"], pipelines[0].Stages.Select(stage => stage.StageName));
        Assert.Equal(["Новый тендер", "КП", "Договор"], pipelines[1].Stages.Select(stage => stage.StageName));
    }

    [Fact]
    public void The_conversion_is_the_share_of_deals_on_a_stage_or_later_that_went_further()
    {
        var pipelines = FunnelChart.Pipelines(Report().Funnel);

        // Bitrix24: 10, 5, 1 open deals. Past "Новый тендер": 5 + 1 = 6 of 16 = 37.5 % → "38 %"; past
        // "Переговоры": 1 of 6 = 16.7 % → "17 %".
        Assert.Equal("38 %", FunnelChart.Percent(FunnelChart.Conversion(pipelines[0].Stages, 0)!.Value, BotLanguage.Ru));
        Assert.Equal("17 %", FunnelChart.Percent(FunnelChart.Conversion(pipelines[0].Stages, 1)!.Value, BotLanguage.Ru));

        // amoCRM: 4, 0, 4. Past "Новый тендер": 4 of 8 = 50 %; the empty "КП" still passes 4 of 4 on.
        Assert.Equal(0.5, FunnelChart.Conversion(pipelines[1].Stages, 0));
        Assert.Equal(1.0, FunnelChart.Conversion(pipelines[1].Stages, 1));
        Assert.Equal("25,6 млн ₽", FunnelChart.Amount(pipelines[1].Stages[0].Amount, BotLanguage.Ru));
    }

    [Fact]
    public void Every_funnel_is_a_phone_sized_png_telegram_accepts_and_grows_with_its_stages()
    {
        var pipelines = FunnelChart.Pipelines(Report().Funnel);
        var longer = pipelines[0] with { Stages = [.. pipelines[0].Stages, .. pipelines[0].Stages] };

        var sizes = new[] { pipelines[0], pipelines[1], longer }.Select(pipeline => AssertTelegramPhoto(FunnelChart.Render(pipeline, BotLanguage.Ru))).ToList();

        Assert.All(sizes, size => Assert.Equal(800, size.Width));
        Assert.True(sizes[2].Height > sizes[0].Height, $"6 stages {sizes[2].Height} px, 3 stages {sizes[0].Height} px");
    }

    [Fact]
    public void The_plan_chart_puts_each_managers_fact_against_the_plan_for_yesterday_and_the_month()
    {
        var rows = PlanFactChart.Rows(Report(), Moscow, DigestTexts.Ru);

        Assert.Equal(12, PlanFactChart.WorkingDaysSoFar(Report(), Moscow));
        Assert.Equal(8, rows.Count); // two managers × calls, meetings, new deals, won
        // Анна: 40 calls a day; month plan 40 × 12 working days = 480.
        Assert.Equal(new PlanFactRow("Анна · звонки", 30, 40, 410, 480), rows[0]);
        Assert.Equal(new PlanFactRow("Анна · выигранные", 1, 1, 9, 12), rows[3]);
        // Иван has no plan: facts only.
        Assert.Equal(new PlanFactRow("Иван · звонки", 12, null, 150, null), rows[4]);
    }

    [Fact]
    public void The_plan_chart_is_a_png_telegram_accepts()
    {
        var size = AssertTelegramPhoto(PlanFactChart.Render(Report(), Moscow, DigestTexts.Ru)!);

        Assert.Equal(800, size.Width);
        Assert.Null(PlanFactChart.Render(Report() with { Days = [], MonthDays = [] }, Moscow, DigestTexts.Ru));
    }

    private static TimeZoneInfo Moscow => DigestScenario.Moscow;

    /// <summary>
    /// PNG signature and IHDR, and Telegram's sendPhoto limits (core.telegram.org/bots/api#sendphoto): at most 10 MB,
    /// width + height at most 10 000, the ratio of the sides at most 20.
    /// </summary>
    private static (int Width, int Height) AssertTelegramPhoto(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.InRange(png.Length, 1_000, 10 * 1024 * 1024);
        Assert.InRange(width + height, 2, 10_000);
        Assert.InRange((double)Math.Max(width, height) / Math.Min(width, height), 1, 20);
        return (width, height);
    }

    private static StageFigure Stage(CrmRef pipeline, string stage, int count, decimal amount) =>
        new("Продажи", stage, count, amount == 0 ? MoneyBag.Empty : MoneyBag.Of("RUB", amount), null) { Pipeline = pipeline, StageId = stage };

    private static SalesPerson Person(string name, string id) =>
        new($"{name}@x.ru", name, $"{name}@x.ru", [new CrmRef(CrmKind.Bitrix24, "portal.bitrix24.ru", id)]);

    private static KpiReport Report()
    {
        var anna = Person("Анна", "7");
        var ivan = Person("Иван", "9");
        var period = new TimeWindow(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(3)), Now);
        return new KpiReport
        {
            AsOf = Now,
            Yesterday = new TimeWindow(new DateTimeOffset(2026, 11, 17, 0, 0, 0, TimeSpan.FromHours(3)), new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.FromHours(3))),
            Week = new TimeWindow(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(3)), Now),
            Month = period,
            Days =
            [
                new ManagerDay(anna, 30, 2, 3, 1, MoneyBag.Of("RUB", 500_000), new DailyPlan(40, 2, 3, 1)),
                new ManagerDay(ivan, 12, 1, 0, 0, MoneyBag.Empty, null),
            ],
            MonthDays =
            [
                new ManagerDay(anna, 410, 20, 33, 9, MoneyBag.Of("RUB", 4_000_000), new DailyPlan(40, 2, 3, 1)),
                new ManagerDay(ivan, 150, 8, 5, 2, MoneyBag.Empty, null),
            ],
            Funnel = new FunnelFigures
            {
                Period = period,
                Stages =
                [
                    Stage(BitrixSales, "Новый тендер", 10, 20_000_000),
                    Stage(BitrixSales, "Переговоры", 5, 12_500_000),
                    Stage(BitrixSales, "Договор", 1, 830_000),
                    Stage(AmoSales, "Неразобранное", 0, 0),
                    Stage(AmoSales, "Новый тендер", 4, 25_600_000),
                    Stage(AmoSales, "КП", 0, 0),
                    Stage(AmoSales, "Договор", 4, 3_000_000),
                    Stage(AmoEmpty, "Неразобранное", 0, 0),
                    Stage(AmoEmpty, "Новый тендер", 0, 0),
                ],
            },
            FunnelYearBefore = new FunnelFigures { Period = period.YearBefore() },
            Base = new BaseStructure(new Dictionary<ClientCategory, int>(), new Dictionary<ClientStatus, int>()),
        };
    }
}
