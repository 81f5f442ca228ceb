using CrmBridge.Core.People;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CrmBridge.People;

/// <summary>
/// Every People entry names a person (e-mail or CRM user) and chats are real ids.
/// </summary>
internal sealed class PeopleOptionsValidator(IConfiguration configuration) : IValidateOptions<PeopleOptions>
{
    private const string S = PeopleOptions.Section;

    public ValidateOptionsResult Validate(string? name, PeopleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigurationErrors();
        foreach (var (list, entries) in new[] { (nameof(options.Pool), options.Pool), (nameof(options.Admins), options.Admins), (nameof(options.Technical), options.Technical) })
        {
            for (var index = 0; index < entries.Count; index++)
            {
                if (!NamesPerson(entries[index]))
                {
                    errors.Add($"{S}:{list}:{index}", $"'{entries[index]}' is neither an e-mail nor a CRM user such as bitrix24:7 or amocrm_123");
                }
            }
        }

        foreach (var (key, person) in options.Managers)
        {
            if (!NamesPerson(key) && string.IsNullOrWhiteSpace(person.Email) && person.Users.Count == 0)
            {
                errors.Add($"{S}:Managers:{key}", "names nobody: use an e-mail or a CRM user (bitrix24_7) as the key, or set Email or Users");
            }

            if (person.Email is { Length: > 0 } email && !UserName.IsEmail(email))
            {
                errors.Add($"{S}:Managers:{key}:Email", $"'{email}' is not an e-mail address");
            }

            foreach (var user in person.Users.Where(user => !UserName.TryParse(user, out _)))
            {
                errors.Add($"{S}:Managers:{key}:Users", $"'{user}' is not a CRM user such as bitrix24:7 or amocrm:123");
            }

            if (person.ChatId == 0L)
            {
                errors.Add($"{S}:Managers:{key}:ChatId", "is 0; give the chat id (setup lists the chats that wrote to the bot) or remove it");
            }

            if (person.PlanSharePercent is < 0 or > 100)
            {
                errors.Add($"{S}:Managers:{key}:PlanSharePercent", "must be between 0 and 100");
            }
        }

        // Read raw: the binder drops a whole People:Managers entry whose ChatId does not convert, without a word.
        foreach (var manager in configuration.GetSection($"{S}:Managers").GetChildren())
        {
            if (manager[nameof(PersonOptions.ChatId)] is { } chat && ChatAddress.Problem(chat) is { } problem)
            {
                errors.Add($"{S}:Managers:{manager.Key}:ChatId", problem);
            }
        }

        return errors.ToResult();
    }

    private static bool NamesPerson(string text) => UserName.TryParse(text, out _) || UserName.IsEmail(text);
}
