using CrmBridge.Notifications;

namespace CrmBridge.Telegram;

/// <summary>What the bot says, in Russian (default) and English.</summary>
internal sealed record BotTexts
{
    public required string Start { get; init; }
    public required string Help { get; init; }
    public required string Refusal { get; init; }
    public required string Unknown { get; init; }
    public required string InnUsage { get; init; }
    public required string InnInvalid { get; init; }
    public required string InnProfile { get; init; }
    public required string InnNoProfile { get; init; }
    public required string InnCard { get; init; }
    public required string InnNoCards { get; init; }
    public required string CallableNotLinked { get; init; }
    public required string CallableTitle { get; init; }
    public required string CallableNone { get; init; }

    public required string StatusHeadsOnly { get; init; }

    public static BotTexts For(BotLanguage language) => language == BotLanguage.En ? En : Ru;

    public static BotTexts Ru { get; } = new()
    {
        Start = "Здравствуйте! Chat id этого чата: <code>{0}</code> — его указывают в настройках Telegram:HeadChatIds или Telegram:ManagerChats.",
        Help = "Команды:\n/digest — утренняя сводка сейчас\n/kpi [менеджер] — план и KPI недели\n/inn ИНН — что известно о компании\n/callable — кому можно звонить сегодня\n/status — состояние синхронизации (для руководителей)\n/help — эта справка",
        StatusHeadsOnly = "Состояние синхронизации видят только руководители (Telegram:HeadChatIds).",
        Refusal = "Извините, это закрытый бот отдела продаж. Chat id <code>{0}</code> — передайте его администратору, если вам нужен доступ.",
        Unknown = "Не знаю такой команды. /help — список команд.",
        InnUsage = "Напишите ИНН: /inn 7707083893",
        InnInvalid = "ИНН {0} не проходит проверку: {1}",
        InnProfile = "<b>{0}</b>\nСтатус: {1}\nАдрес: {2}\nРуководитель: {3}\nОКВЭД: {4}",
        InnNoProfile = "ИНН {0} корректен; в реестрах пока нет данных.",
        InnCard = "• {0} ({1}), владелец {2}",
        InnNoCards = "Карточек с этим ИНН в CRM нет.",
        CallableNotLinked = "Этот чат не привязан к пользователю CRM (Telegram:ManagerChats).",
        CallableTitle = "<b>Можно звонить сегодня</b>",
        CallableNone = "Сегодня звонить некому: все клиенты на паузе.",
    };

    public static BotTexts En { get; } = new()
    {
        Start = "Hello! This chat's id is <code>{0}</code> — put it into Telegram:HeadChatIds or Telegram:ManagerChats.",
        Help = "Commands:\n/digest — the morning digest now\n/kpi [manager] — plan and weekly KPIs\n/inn NUMBER — what is known about a company\n/callable — whom you may call today\n/status — sync health (heads only)\n/help — this help",
        StatusHeadsOnly = "Sync health is shown to heads of sales only (Telegram:HeadChatIds).",
        Refusal = "Sorry, this is a private sales-team bot. Chat id <code>{0}</code> — pass it to the admin if you need access.",
        Unknown = "Unknown command. /help lists the commands.",
        InnUsage = "Send an INN: /inn 7707083893",
        InnInvalid = "INN {0} fails the check: {1}",
        InnProfile = "<b>{0}</b>\nStatus: {1}\nAddress: {2}\nDirector: {3}\nOKVED: {4}",
        InnNoProfile = "INN {0} is valid; the registries have nothing yet.",
        InnCard = "• {0} ({1}), owner {2}",
        InnNoCards = "No card in the CRMs has this INN.",
        CallableNotLinked = "This chat is not linked to a CRM user (Telegram:ManagerChats).",
        CallableTitle = "<b>You may call today</b>",
        CallableNone = "Nobody to call today: every client is resting.",
    };
}
