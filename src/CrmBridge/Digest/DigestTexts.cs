using CrmBridge.Notifications;

namespace CrmBridge.Digest;

/// <summary>The digest's words in Russian (default) and English. Format placeholders are filled with escaped values.</summary>
internal sealed record DigestTexts
{
    public required string Title { get; init; }
    public required string YesterdayTitle { get; init; }
    public required string YesterdayLegend { get; init; }
    public required string WeekTitle { get; init; }
    public required string WeekLine1 { get; init; }
    public required string WeekLine2 { get; init; }
    public required string NeedToProposal { get; init; }
    public required string FunnelTitle { get; init; }
    public required string FunnelTotal { get; init; }
    public required string Forecast { get; init; }
    public required string PlanEnough { get; init; }
    public required string PlanShort { get; init; }
    public required string ManagerPlan { get; init; }
    public required string StagesHeader { get; init; }
    public required string Lost { get; init; }
    public required string Won { get; init; }
    public required string TopZone { get; init; }
    public required string Complex { get; init; }
    public required string YearBefore { get; init; }
    public required string KeyAccountsTitle { get; init; }
    public required string KeyAccountLine { get; init; }
    public required string NoKeyAccounts { get; init; }
    public required IReadOnlyList<string> KeyAccountLevels { get; init; }
    public required string BaseTitle { get; init; }
    public required string BaseCategories { get; init; }
    public required string BaseStatuses { get; init; }
    public required IReadOnlyList<string> StatusNames { get; init; }
    public required string ConflictsTitle { get; init; }
    public required string TakeBackTitle { get; init; }
    public required string CooldownTitle { get; init; }
    public required string Nothing { get; init; }
    public required string NoManagers { get; init; }
    public required string Days { get; init; }
    public required string FunnelChartCaption { get; init; }
    public required string ChartPlanTitle { get; init; }
    public required string ChartPlanCaption { get; init; }
    public required string ChartCalls { get; init; }
    public required string ChartMeetings { get; init; }
    public required string ChartCreated { get; init; }
    public required string ChartWon { get; init; }
    public required string ChartYesterday { get; init; }
    public required string ChartMonth { get; init; }
    public required string ChartNoPlan { get; init; }
    public required string ChartNoPlanRow { get; init; }
    public required string DateFormat { get; init; }
    public required string NotConfigured { get; init; }

    /// <summary>Stands for a figure whose input is not configured; the section says once what to set.</summary>
    public required string NotShown { get; init; }

    public required string WeekCategoryANotSet { get; init; }

    public required string WeekDecisionMakersNotSet { get; init; }
    public required string BaseAb { get; init; }
    public required string NoMarginData { get; init; }
    public required string Funnels { get; init; }
    public required string LostReasons { get; init; }
    public required string NoLossReason { get; init; }

    public static DigestTexts For(BotLanguage language) => language == BotLanguage.En ? En : Ru;

    public static DigestTexts Ru { get; } = new()
    {
        Title = "📊 <b>Сводка на {0}</b>",
        YesterdayTitle = "<b>Вчера, {0}: факт/план</b>",
        YesterdayLegend = "📞 звонки · 🤝 встречи · 🆕 новые сделки · 🏆 выигранные",
        WeekTitle = "<b>Неделя с {0}: KPI</b>",
        WeekLine1 = "компании A {0} · ЛПР {1} · потребности {2} · КП {3}{4}",
        WeekLine2 = "дожим: сделок {0}, звонков {1}, меньше {2} звонков — {3} {4}",
        NeedToProposal = " (потребность→КП {0} дн.)",
        FunnelTitle = "<b>Воронка и прогноз</b>",
        FunnelTotal = "В воронке сделок: {0} на {1}",
        Forecast = "Прогноз (сумма × вероятность этапа): {0}",
        PlanEnough = "План месяца {0}: выиграно {1}, осталось {2} — прогноза хватает ✅",
        PlanShort = "План месяца {0}: выиграно {1}, осталось {2} — прогноза не хватает ❌",
        ManagerPlan = "  {0}: план {1}, выиграно {2}, прогноз {3}",
        StagesHeader = "Этапы (сделок · сумма · дней на этапе):",
        Lost = "Потеряно на ранних этапах: {0} · после дожима: {1} · дошли до дожима: {2}",
        Won = "Выиграно в месяце сделок: {0} на {1}, средний чек {2}, средний цикл {3} дн.",
        TopZone = "ТОП-зона (близко к закрытию): {0} на {1}",
        Complex = "Комплексные сделки (несколько продуктов): {0} на {1}",
        YearBefore = "Год назад: в воронке {0} на {1}, прогноз {2}, выиграно {3} на {4}",
        KeyAccountsTitle = "<b>Концентрация клиентов</b>",
        KeyAccountLine = "{0} — {1} % дохода ({2}): {3}",
        NoKeyAccounts = "Ни один клиент не даёт больше 10 % дохода.",
        KeyAccountLevels = ["", "ключевой клиент", "критическая зависимость ⚠️", "моноклиент ❗"],
        BaseTitle = "<b>База</b>",
        BaseCategories = "ABCDE: {0}",
        BaseStatuses = "Статусы: {0}",
        StatusNames = ["новый", "разовый", "постоянный", "партнёр", "VIP", "возвращённый"],
        ConflictsTitle = "<b>Конфликты</b>",
        TakeBackTitle = "<b>Скоро вернутся в пул</b>",
        CooldownTitle = "<b>Нарушения паузы</b>",
        Nothing = "нет",
        NoManagers = "нет менеджеров с данными",
        Days = "дн.",
        FunnelChartCaption = "Воронка {0}: открытых сделок {1} на {2}",
        ChartPlanTitle = "План и факт: вчера и месяц",
        ChartPlanCaption = "План и факт по менеджерам: вчера и месяц с 1-го числа, % от плана (подписи — факт/план; план месяца = дневной план × рабочие дни пн–пт)",
        ChartCalls = "звонки",
        ChartMeetings = "встречи",
        ChartCreated = "новые сделки",
        ChartWon = "выигранные",
        ChartYesterday = "вчера",
        ChartMonth = "месяц",
        ChartNoPlan = "без плана — только факт",
        ChartNoPlanRow = "без плана: вчера {0}, месяц {1}",
        DateFormat = "dd.MM.yyyy",
        NotConfigured = "не задано — {0}",
        NotShown = "—",
        WeekCategoryANotSet = "компании A не задано — {0}",
        WeekDecisionMakersNotSet = "ЛПР не задано — {0}",
        BaseAb = "Категории: A {0} · B {1} · не определена {2}",
        NoMarginData = "E не проверено у {0}: нет данных о марже — {1}",
        Funnels = "Воронки (открыто / проиграно в месяце): привлечение {0}/{1} · удержание {2}/{3} · возврат {4}/{5}",
        LostReasons = "Причины проигрыша: {0}",
        NoLossReason = "не указана",
    };

    public static DigestTexts En { get; } = new()
    {
        Title = "📊 <b>Digest for {0}</b>",
        YesterdayTitle = "<b>Yesterday, {0}: actual/plan</b>",
        YesterdayLegend = "📞 calls · 🤝 meetings · 🆕 new deals · 🏆 won",
        WeekTitle = "<b>Week from {0}: KPIs</b>",
        WeekLine1 = "category A {0} · decision-makers {1} · needs {2} · proposals {3}{4}",
        WeekLine2 = "closing: deals {0}, calls {1}, under {2} calls — {3} {4}",
        NeedToProposal = " (need→proposal {0} d)",
        FunnelTitle = "<b>Funnel and forecast</b>",
        FunnelTotal = "In the funnel: {0} deals worth {1}",
        Forecast = "Forecast (amount × stage probability): {0}",
        PlanEnough = "Month plan {0}: won {1}, left {2} — the forecast covers it ✅",
        PlanShort = "Month plan {0}: won {1}, left {2} — the forecast falls short ❌",
        ManagerPlan = "  {0}: plan {1}, won {2}, forecast {3}",
        StagesHeader = "Stages (deals · amount · days on stage):",
        Lost = "Lost at early stages: {0} · after closing: {1} · reached closing: {2}",
        Won = "Won this month: {0} worth {1}, average check {2}, average cycle {3} d",
        TopZone = "TOP zone (near closing): {0} worth {1}",
        Complex = "Complex deals (several products): {0} worth {1}",
        YearBefore = "A year ago: funnel {0} worth {1}, forecast {2}, won {3} worth {4}",
        KeyAccountsTitle = "<b>Client concentration</b>",
        KeyAccountLine = "{0} — {1} % of income ({2}): {3}",
        NoKeyAccounts = "No client brings more than 10 % of income.",
        KeyAccountLevels = ["", "key account", "critical dependency ⚠️", "mono-client ❗"],
        BaseTitle = "<b>Base</b>",
        BaseCategories = "ABCDE: {0}",
        BaseStatuses = "Statuses: {0}",
        StatusNames = ["new", "one-off", "regular", "partner", "VIP", "reactivated"],
        ConflictsTitle = "<b>Conflicts</b>",
        TakeBackTitle = "<b>About to return to the pool</b>",
        CooldownTitle = "<b>Cooldown violations</b>",
        Nothing = "none",
        NoManagers = "no managers with data",
        Days = "d",
        FunnelChartCaption = "Funnel {0}: {1} open deals worth {2}",
        ChartPlanTitle = "Plan and actual: yesterday and the month",
        ChartPlanCaption = "Plan and actual per manager: yesterday and the month from the 1st, % of plan (labels are actual/plan; the month's plan = daily plan × working days Mon–Fri)",
        ChartCalls = "calls",
        ChartMeetings = "meetings",
        ChartCreated = "new deals",
        ChartWon = "won",
        ChartYesterday = "yesterday",
        ChartMonth = "month",
        ChartNoPlan = "no plan — actual only",
        ChartNoPlanRow = "no plan: yesterday {0}, month {1}",
        DateFormat = "d MMM yyyy",
        NotConfigured = "not set — {0}",
        NotShown = "—",
        WeekCategoryANotSet = "category A not set — {0}",
        WeekDecisionMakersNotSet = "decision-makers not set — {0}",
        BaseAb = "Categories: A {0} · B {1} · unknown {2}",
        NoMarginData = "E not checked for {0}: no margin data — {1}",
        Funnels = "Funnels (open / lost this month): acquisition {0}/{1} · retention {2}/{3} · reactivation {4}/{5}",
        LostReasons = "Lost reasons: {0}",
        NoLossReason = "not given",
    };
}
