namespace CrmBridge.Sandbox.Telegram;

/// <summary>A Bot API call the sandbox received: the method, the chat, the text (or photo caption).</summary>
public sealed record CapturedTelegramRequest(string Method, string? ChatId, string? Text, string? ParseMode, bool HasFile, DateTimeOffset At);
