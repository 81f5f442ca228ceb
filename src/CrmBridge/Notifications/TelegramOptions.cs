using CrmBridge.Foundation;

namespace CrmBridge.Notifications;

internal sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The bot token (digits:secret). A secret: environment only. Empty turns Telegram off.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Chats of heads of sales: they get the digest and conflict alerts. A number or a public channel's @name.</summary>
    public List<ChatAddress> HeadChatIds { get; set; } = [];

    /// <summary>
    /// CRM user → Telegram chat id. Keys: "bitrix24.7" / "amocrm.123" (':' also accepted where the configuration source
    /// allows it), or a bare user id that matches the user in any CRM. Values: a chat id or a public channel's @name.
    /// </summary>
    public Dictionary<string, ChatAddress> ManagerChats { get; set; } = [];

    /// <summary>Language of user-facing text: ru (default) or en.</summary>
    public string Language { get; set; } = "ru";

    /// <summary>Chats the bot answers (numeric: updates carry the number); empty = the heads and the managers' chats.</summary>
    public List<long> AllowedChatIds { get; set; } = [];

    /// <summary>Answer bot commands over long polling (one process per token may poll).</summary>
    public bool PollingEnabled { get; set; } = true;

    /// <summary>How long one getUpdates call waits for news.</summary>
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
