namespace CrmBridge.Telegram;

internal sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The bot token (digits:secret). A secret: environment only. Empty turns Telegram off.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Chats of heads of sales: they get the digest and conflict alerts.</summary>
    public List<long> HeadChatIds { get; set; } = [];

    /// <summary>CRM user id (as "bitrix24:7" or "amocrm:123", or a bare id) → Telegram chat id.</summary>
    public Dictionary<string, long> ManagerChats { get; set; } = [];

    /// <summary>Language of user-facing text: ru (default) or en.</summary>
    public string Language { get; set; } = "ru";

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
