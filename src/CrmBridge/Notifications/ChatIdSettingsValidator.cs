using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>
/// Chat ids are read from the raw settings, because the binder silently drops a single value given for a list
/// (CRMBRIDGE_Telegram__HeadChatIds=123,456) and would stop at the first bad entry with a type name. Each entry must be a
/// numeric chat id; an @channel name is refused with what to use instead (the bot addresses chats by number).
/// </summary>
internal sealed class ChatIdSettingsValidator(IConfiguration configuration) : IValidateOptions<TelegramOptions>
{
    private static readonly string[] Lists = [nameof(TelegramOptions.HeadChatIds), nameof(TelegramOptions.AllowedChatIds), nameof(TelegramOptions.ManagerChats)];

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        foreach (var list in Lists)
        {
            var section = configuration.GetSection($"{TelegramOptions.Section}:{list}");
            if (!string.IsNullOrWhiteSpace(section.Value))
            {
                failures.Add($"{section.Path}: '{section.Value}' is one value, not a list; give each chat as {section.Path}:0, {section.Path}:1 … (environment CRMBRIDGE_Telegram__{list}__0)");
            }

            foreach (var entry in section.GetChildren())
            {
                var problem = Problem(entry.Value);
                if (problem is not null)
                {
                    failures.Add($"{entry.Path}: {problem}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? Problem(string? value)
    {
        var text = value?.Trim() ?? "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return text.StartsWith('@') && text.Length > 1
            ? $"'{text}' is a channel name; give the channel's numeric chat id (-100…), which the bot shows after /start or a forwarded post"
            : $"'{text}' is neither a numeric chat id nor an @channel name (send /start to the bot to learn the id)";
    }
}
