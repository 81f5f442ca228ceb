using System.Globalization;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>
/// Chat ids are read from the raw settings, because the binder silently drops a single value given for a list
/// (CRMBRIDGE_Telegram__HeadChatIds=123,456) and skips a bad entry without a word. Chats the bot sends to
/// (HeadChatIds, ManagerChats) are a number or a public channel's @name; AllowedChatIds says who may write to the
/// bot, and updates carry numbers only, so there an @name is refused with what to use instead.
/// </summary>
internal sealed class ChatIdSettingsValidator(IConfiguration configuration) : IValidateOptions<TelegramOptions>
{
    private static readonly (string List, bool Sending)[] Lists =
    [
        (nameof(TelegramOptions.HeadChatIds), true),
        (nameof(TelegramOptions.AllowedChatIds), false),
        (nameof(TelegramOptions.ManagerChats), true),
    ];

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        foreach (var (list, sending) in Lists)
        {
            var section = configuration.GetSection($"{TelegramOptions.Section}:{list}");
            if (!string.IsNullOrWhiteSpace(section.Value))
            {
                failures.Add($"{section.Path}: '{section.Value}' is one value, not a list; give each chat as {section.Path}:0, {section.Path}:1 … (environment CRMBRIDGE_Telegram__{list}__0)");
            }

            foreach (var entry in Entries(section))
            {
                var problem = sending ? ChatAddress.Problem(entry.Value) : NumericProblem(entry.Value);
                if (problem is not null)
                {
                    failures.Add($"{entry.Path}: {problem}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? NumericProblem(string? value)
    {
        var text = value?.Trim() ?? "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return ChatAddress.TryParse(text, out _)
            ? $"'{text}' is a channel name; chats that write to the bot are known by number (-100… for groups), which the bot shows after /start"
            : $"'{text}' is not a numeric chat id (send /start to the bot to learn the id)";
    }

    /// <summary>The entries of a list or map; a JSON key "bitrix24:7" arrives as a nested section.</summary>
    private static IEnumerable<IConfigurationSection> Entries(IConfigurationSection section) =>
        section.GetChildren().SelectMany(child => child.Value is null ? child.GetChildren() : [child]);
}
