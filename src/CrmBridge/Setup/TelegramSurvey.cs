namespace CrmBridge.Setup;

/// <summary>The bot (getMe) and the chats that wrote to it (getUpdates), or why they could not be read.</summary>
internal sealed record TelegramSurvey(string? BotName, string? BotUsername, IReadOnlyList<TelegramChatSeen> Chats, string? Problem = null)
{
    public static TelegramSurvey NotConfigured { get; } = new(null, null, [], "not configured (Telegram:BotToken is empty)");
}

/// <summary>A chat that wrote to the bot: its id (what settings need), kind and title or name.</summary>
internal sealed record TelegramChatSeen(long Id, string Type, string Title, string? LastText);
