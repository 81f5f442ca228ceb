using System.Text.RegularExpressions;
using CrmBridge.Foundation;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>Checks the Telegram section; never repeats the token, even a malformed one.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string S = TelegramOptions.Section;

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigurationErrors();
        if (options.Enabled && !TokenShape().IsMatch(options.BotToken!))
        {
            errors.Add($"{S}:BotToken", "is not a bot token of the form <digits>:<secret> (value hidden)");
        }

        if (!ConfigurationErrors.IsAbsoluteHttpUrl(options.ApiBaseUrl))
        {
            errors.Add($"{S}:ApiBaseUrl", "must be an absolute http(s) URL such as https://api.telegram.org");
        }

        if (!BotLanguages.TryParse(options.Language, out _))
        {
            errors.Add($"{S}:Language", $"'{options.Language}' is not supported; use ru or en");
        }

        if (options.HeadChatIds.Contains(0) || options.AllowedChatIds.Contains(0) || options.ManagerChats.ContainsValue(0L))
        {
            errors.Add($"{S}:HeadChatIds", "chat id 0 is not a Telegram chat (send /start to the bot to learn the id)");
        }

        foreach (var key in options.ManagerChats.Keys.Where(key => ChatDirectory.ParseUser(key) is null && !Core.People.UserName.IsEmail(key)))
        {
            errors.Add($"{S}:ManagerChats:{key}", "is not a CRM user key such as bitrix24_7, amocrm_123, an e-mail or a bare user id (better: People:Managers:KEY:ChatId)");
        }

        if (options.PollingTimeout < TimeSpan.Zero || options.PollingTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{S}:PollingTimeout", "must be between 00:00:00 and 00:10:00");
        }

        return errors.ToResult();
    }

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();
}
