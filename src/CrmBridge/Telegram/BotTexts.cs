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

    public required string LinkAskEmail { get; init; }

    public required string LinkBadEmail { get; init; }

    public required string LinkUnknownEmail { get; init; }

    public required string LinkAlreadyLinked { get; init; }

    public required string LinkAlreadyPending { get; init; }

    public required string LinkConfigured { get; init; }

    public required string LinkNoHeads { get; init; }

    public required string LinkHeadsUnreachable { get; init; }

    public required string LinkRequested { get; init; }

    public required string LinkRequest { get; init; }

    public required string ApproveButton { get; init; }

    public required string RejectButton { get; init; }

    public required string LinkApprovedNote { get; init; }

    public required string LinkRejectedNote { get; init; }

    public required string LinkGreeting { get; init; }

    public required string LinkRejected { get; init; }

    public required string CallbackApproved { get; init; }

    public required string CallbackRejected { get; init; }

    public required string CallbackAlreadyApproved { get; init; }

    public required string CallbackAlreadyRejected { get; init; }

    public required string CallbackGone { get; init; }

    public required string CallbackHeadsOnly { get; init; }

    public required string CallbackUnknown { get; init; }

    public required string TeamHeadsOnly { get; init; }

    public required string TeamTitle { get; init; }

    public required string TeamLine { get; init; }

    public required string TeamEmpty { get; init; }

    public required string TeamPendingTitle { get; init; }

    public required string TeamPendingLine { get; init; }

    public required string RemoveButton { get; init; }

    public required string CallbackRemoved { get; init; }

    public required string CallbackAlreadyRemoved { get; init; }

    public required string DateFormat { get; init; }

    public static BotTexts For(BotLanguage language) => language == BotLanguage.En ? En : Ru;

    public static BotTexts Ru { get; } = new()
    {
        Start = "Здравствуйте! Chat id этого чата: <code>{0}</code> — его указывают в настройках Telegram:HeadChatIds или Telegram:ManagerChats.",
        Help = "Команды:\n/digest — утренняя сводка сейчас\n/kpi [менеджер] — план и KPI недели\n/inn ИНН — что известно о компании\n/callable — кому можно звонить сегодня\n/status — состояние синхронизации (для руководителей)\n/team — чаты менеджеров, привязанные через бота (для руководителей)\n/help — эта справка",
        StatusHeadsOnly = "Состояние синхронизации видят только руководители (Telegram:HeadChatIds).",
        LinkAskEmail = "Здравствуйте! Chat id этого чата: <code>{0}</code>.\nВы менеджер отдела? Чтобы получать здесь напоминания по своим клиентам, напишите рабочий e-mail — тот, что указан в вашем профиле Bitrix24 или amoCRM. Руководитель подтвердит привязку.",
        LinkBadEmail = "«{0}» не похоже на e-mail. Напишите рабочий адрес целиком, например ivanova@firm.ru.",
        LinkUnknownEmail = "В CRM нет пользователя с e-mail {0}. Проверьте адрес (он должен совпадать с профилем в Bitrix24 или amoCRM) и напишите его ещё раз.",
        LinkAlreadyLinked = "{0} уже привязан(а) к чату бота. Чтобы сменить чат, попросите руководителя убрать старую привязку (/team) и напишите /start снова.",
        LinkAlreadyPending = "Запрос на привязку для {0} уже ждёт решения руководителя; второй не нужен. Как только руководитель ответит, я напишу.",
        LinkConfigured = "Для {0} чат уже задан администратором в настройках, напоминания приходят туда. Привязывать этот чат не нужно.",
        LinkNoHeads = "Некому подтвердить привязку: в настройках не указан чат руководителя (Telegram:HeadChatIds). Передайте это администратору.",
        LinkHeadsUnreachable = "Не удалось отправить запрос руководителю. Попробуйте позже: напишите /start.",
        LinkRequested = "Запрос отправлен руководителю ({0}). Как только он подтвердит, я напишу сюда.",
        LinkRequest = "<b>Запрос на привязку чата</b>\n{0} пишет, что он(а) — {1}, e-mail {2}.\nПользователи CRM с этим e-mail:\n{3}\n\nПосле подтверждения напоминания по их клиентам пойдут в этот чат.",
        ApproveButton = "✅ Подтвердить",
        RejectButton = "❌ Отклонить",
        LinkApprovedNote = "✅ Подтвердил(а) {0}, {1}",
        LinkRejectedNote = "❌ Отклонил(а) {0}, {1}",
        LinkGreeting = "Готово, {0}! Руководитель подтвердил привязку: сюда будут приходить напоминания по вашим клиентам.",
        LinkRejected = "К сожалению, руководитель не подтвердил привязку этого чата. Если это ошибка, поговорите с руководителем и напишите /start ещё раз.",
        CallbackApproved = "Подтверждено: {0}",
        CallbackRejected = "Отклонено: {0}",
        CallbackAlreadyApproved = "Уже решено: подтвердил(а) {0}, {1}.",
        CallbackAlreadyRejected = "Уже решено: отклонил(а) {0}, {1}.",
        CallbackGone = "Этого запроса больше нет.",
        CallbackHeadsOnly = "Подтверждать, отклонять и убирать привязки могут только руководители.",
        CallbackUnknown = "Эта кнопка больше не работает.",
        TeamHeadsOnly = "Привязки чатов видят только руководители (Telegram:HeadChatIds).",
        TeamTitle = "<b>Чаты, привязанные через бота</b>",
        TeamLine = "• <b>{0}</b>, {1}\n  CRM: {2}\n  чат <code>{3}</code>; подтвердил(а) {4}, {5}",
        TeamEmpty = "Через бота пока никто не привязал чат. Менеджер пишет боту /start и указывает рабочий e-mail.",
        TeamPendingTitle = "<b>Ждут решения</b>",
        TeamPendingLine = "• {0}, {1} — с {2}",
        RemoveButton = "Убрать: {0}",
        CallbackRemoved = "Привязка убрана: {0}. Напоминания туда больше не идут.",
        CallbackAlreadyRemoved = "Эта привязка уже убрана.",
        DateFormat = "dd.MM.yyyy HH:mm",
        Refusal = "Извините, это закрытый бот отдела продаж. Chat id <code>{0}</code> — передайте его администратору, если вам нужен доступ. Вы менеджер отдела? Напишите /start и укажите рабочий e-mail.",
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
        Help = "Commands:\n/digest — the morning digest now\n/kpi [manager] — plan and weekly KPIs\n/inn NUMBER — what is known about a company\n/callable — whom you may call today\n/status — sync health (heads only)\n/team — managers' chats linked through the bot (heads only)\n/help — this help",
        StatusHeadsOnly = "Sync health is shown to heads of sales only (Telegram:HeadChatIds).",
        LinkAskEmail = "Hello! This chat's id is <code>{0}</code>.\nA sales manager? To get reminders about your clients here, send your work e-mail — the one in your Bitrix24 or amoCRM profile. A head of sales will confirm the link.",
        LinkBadEmail = "“{0}” does not look like an e-mail address. Send your whole work address, e.g. ivanova@firm.ru.",
        LinkUnknownEmail = "No CRM user has the e-mail {0}. Check the address (it must match your Bitrix24 or amoCRM profile) and send it again.",
        LinkAlreadyLinked = "{0} already has a chat linked to the bot. To move to another chat, ask a head to remove the old link (/team), then send /start again.",
        LinkAlreadyPending = "A link request for {0} is already waiting for a head's decision; no second one is needed. I will write as soon as a head answers.",
        LinkConfigured = "The admin has set a chat for {0} in the settings, and reminders go there. This chat needs no link.",
        LinkNoHeads = "Nobody can confirm the link: no head chat is configured (Telegram:HeadChatIds). Please tell the admin.",
        LinkHeadsUnreachable = "The request could not be sent to a head. Please try again later with /start.",
        LinkRequested = "Request sent to the heads of sales ({0}). I will write here as soon as one confirms.",
        LinkRequest = "<b>Chat link request</b>\n{0} says they are {1}, e-mail {2}.\nCRM users with this e-mail:\n{3}\n\nOnce approved, reminders about their clients go to that chat.",
        ApproveButton = "✅ Approve",
        RejectButton = "❌ Reject",
        LinkApprovedNote = "✅ Approved by {0}, {1}",
        LinkRejectedNote = "❌ Rejected by {0}, {1}",
        LinkGreeting = "All set, {0}! A head approved the link: reminders about your clients will come here.",
        LinkRejected = "Sorry, a head did not approve linking this chat. If that is a mistake, talk to your head of sales and send /start again.",
        CallbackApproved = "Approved: {0}",
        CallbackRejected = "Rejected: {0}",
        CallbackAlreadyApproved = "Already decided: approved by {0}, {1}.",
        CallbackAlreadyRejected = "Already decided: rejected by {0}, {1}.",
        CallbackGone = "This request no longer exists.",
        CallbackHeadsOnly = "Only heads of sales can approve, reject or remove links.",
        CallbackUnknown = "This button no longer works.",
        TeamHeadsOnly = "Linked chats are shown to heads of sales only (Telegram:HeadChatIds).",
        TeamTitle = "<b>Chats linked through the bot</b>",
        TeamLine = "• <b>{0}</b>, {1}\n  CRM: {2}\n  chat <code>{3}</code>; approved by {4}, {5}",
        TeamEmpty = "Nobody has linked a chat through the bot yet. A manager sends /start to the bot and gives the work e-mail.",
        TeamPendingTitle = "<b>Waiting for a decision</b>",
        TeamPendingLine = "• {0}, {1} — since {2}",
        RemoveButton = "Remove: {0}",
        CallbackRemoved = "Link removed: {0}. Reminders no longer go there.",
        CallbackAlreadyRemoved = "This link was already removed.",
        DateFormat = "yyyy-MM-dd HH:mm",
        Refusal = "Sorry, this is a private sales-team bot. Chat id <code>{0}</code> — pass it to the admin if you need access. A sales manager? Send /start and give your work e-mail.",
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
