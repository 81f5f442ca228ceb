namespace CrmBridge.Notifications;

/// <summary>Format strings of nudges and finding lines; {0} is always the (escaped, linked) company name.</summary>
internal sealed record NudgeTexts
{
    public required string Cooldown { get; init; }
    public required string CooldownBy { get; init; }
    public required string OwnershipWarning { get; init; }
    public required string OwnershipTimeout { get; init; }
    public required string OwnershipTimeoutReportOnly { get; init; }
    public required string PostponedDue { get; init; }
    public required string Reason { get; init; }
    public required string Duplicate { get; init; }
    public required string DuplicateNoOwner { get; init; }
    public required string DuplicateGroup { get; init; }
    public required string NoOwner { get; init; }
    public required string Conflict { get; init; }
    public required string QuarantineDue { get; init; }
    public required string Sleeping { get; init; }
    public required string Liquidated { get; init; }
    public required string InvalidInn { get; init; }
    public required string Other { get; init; }
    public required string DateFormat { get; init; }

    public static NudgeTexts For(BotLanguage language) => language == BotLanguage.En ? En : Ru;

    public static NudgeTexts Ru { get; } = new()
    {
        Cooldown = "⏸ {0}: клиент на отдыхе до {1}.",
        CooldownBy = " Контакт {0} от {1} нарушил паузу.",
        OwnershipWarning = "⏳ {0}: клиент вернётся в пул через {1} дн. ({2}), если не будет движения.",
        OwnershipTimeout = "⌛ {0}: {1} дн. без результата — клиент возвращается в пул.",
        OwnershipTimeoutReportOnly = "⌛ {0}: {1} дн. без результата. Найдено при первом запуске — решение за руководителем.",
        PostponedDue = "📅 {0}: отложенный клиент — пора вернуться к нему ({1}).",
        Reason = " Причина: {0}.",
        Duplicate = "👥 {0}: у вашей карточки есть дубль, владелец {1}.",
        DuplicateNoOwner = "👥 {0}: у карточки есть дубль ({1}).",
        DuplicateGroup = "👥 {0} (ИНН {1}): владелец основной карточки — {2}, дублей — {3}.",
        NoOwner = "без владельца",
        Conflict = "⚠️ {0}: с клиентом одновременно работают {1}.",
        QuarantineDue = "🔁 {0}: пора перепроверить контакт из карантина ({1}).",
        Sleeping = "💤 {0}: клиент уснул — {1} дн. без движения.",
        Liquidated = "🚫 {0}: компания ликвидирована, уберите её из работы.",
        InvalidInn = "❓ {0}: ИНН {1} не проходит проверку.",
        Other = "• {0}: {1}.",
        DateFormat = "dd.MM.yyyy",
    };

    public static NudgeTexts En { get; } = new()
    {
        Cooldown = "⏸ {0}: the client rests until {1}.",
        CooldownBy = " The contact by {0} on {1} broke the rest.",
        OwnershipWarning = "⏳ {0}: the client returns to the pool in {1} days ({2}) without progress.",
        OwnershipTimeout = "⌛ {0}: {1} days without a result — the client returns to the pool.",
        OwnershipTimeoutReportOnly = "⌛ {0}: {1} days without a result. Found on the first run — the head of sales decides.",
        PostponedDue = "📅 {0}: a postponed client is due ({1}).",
        Reason = " Reason: {0}.",
        Duplicate = "👥 {0}: your card has a duplicate, owned by {1}.",
        DuplicateNoOwner = "👥 {0}: the card has a duplicate ({1}).",
        DuplicateGroup = "👥 {0} (INN {1}): the master card is owned by {2}; duplicates by {3}.",
        NoOwner = "no owner",
        Conflict = "⚠️ {0}: several managers work the client at once: {1}.",
        QuarantineDue = "🔁 {0}: time to re-check a quarantined contact ({1}).",
        Sleeping = "💤 {0}: the client fell asleep — {1} days idle.",
        Liquidated = "🚫 {0}: the company is liquidated; take it out of work.",
        InvalidInn = "❓ {0}: INN {1} fails the check.",
        Other = "• {0}: {1}.",
        DateFormat = "d MMM yyyy",
    };
}
