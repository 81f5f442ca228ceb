using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.People;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>
/// Who reads what: heads from Telegram:HeadChatIds; each manager's chat from People:Managers (or the old
/// Telegram:ManagerChats), named by e-mail or CRM user so one entry covers both CRMs; failing that, the chat the
/// manager linked through the bot. A configured chat wins over a linked one.
/// </summary>
internal sealed class ChatDirectory : IChatDirectory
{
    private readonly TelegramOptions options;
    private readonly IReadOnlyList<ConfiguredChat> configured;
    private readonly PeopleDirectorySource? people;
    private readonly ManagerLinkStore? links;

    public ChatDirectory(IOptions<TelegramOptions> options, PeopleDirectorySource? people = null, ManagerLinkStore? links = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.people = people;
        this.links = links;
        configured = people?.Configuration.Chats ?? LegacyChats(this.options);
        HeadChatIds = this.options.HeadChatIds.Distinct().ToList();
    }

    public IReadOnlyList<ChatAddress> HeadChatIds { get; }

    /// <summary>
    /// Chats the bot answers: Telegram:AllowedChatIds, or else the heads and configured chats given by number; chats a
    /// head approved through the bot always. A channel named by @name never writes commands, so it needs no entry.
    /// </summary>
    public IReadOnlySet<long> AllowedChatIds => (options.AllowedChatIds.Count > 0
            ? options.AllowedChatIds
            : HeadChatIds.Concat(configured.Select(chat => chat.ChatId)).Select(chat => chat.Id).OfType<long>())
        .Concat(links?.Links().Select(link => link.ChatId) ?? [])
        .ToHashSet();

    /// <summary>A head's chat: by number, or (for a head channel configured by @name) by the chat's username.</summary>
    public bool IsHead(long chatId, string? username = null) => HeadChatIds.Any(head => head.Is(chatId, username));

    /// <summary>The person's configured chat (by any of its names; a bare user id last), else the linked chat.</summary>
    public ChatAddress? ManagerChat(CrmRef manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (ConfiguredChat(manager) is { } chat)
        {
            return chat;
        }

        var directory = people?.Current;
        return directory is null ? null : links?.ChatOf(directory.PersonKey(manager));
    }

    /// <summary>The chat settings name for the user's person (by any of its names; a bare user id last), or null.</summary>
    public ChatAddress? ConfiguredChat(CrmRef manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var names = (people?.Current.NamesOf(manager) ?? [UserName.Of(manager).ToString()]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chat = configured.FirstOrDefault(item => names.Contains(item.Name))
            ?? configured.FirstOrDefault(item => item.Name == manager.Id);
        return chat?.ChatId;
    }

    /// <summary>The CRM users whose chat this is (for /callable and /kpi without a name).</summary>
    public IReadOnlyList<CrmUser> UsersOf(long chatId)
    {
        var directory = people?.Current;
        var names = configured.Where(item => item.ChatId == chatId).Select(item => item.Name).ToList();
        if (links?.LinkOfChat(chatId) is { } link && !configured.Any(item => item.ChatId == chatId))
        {
            names.Add(link.PersonKey);
        }

        var users = new List<CrmUser>();
        foreach (var name in names)
        {
            if (directory?.Find(name) is { } person)
            {
                users.AddRange(person.Users.Select(user => new CrmUser(user.Crm, user.Id)));
            }
            else if (ParseUser(name) is { } user && !UserName.IsEmail(name))
            {
                users.Add(user);
            }
        }

        return [.. users.Distinct()];
    }

    /// <summary>"bitrix24.7", "bitrix24:7", "bitrix24_7", "amocrm.123" or a bare "7"; null when it is none of these.</summary>
    public static CrmUser? ParseUser(string key)
    {
        var text = (key ?? "").Trim();
        if (UserName.TryParse(text, out var user))
        {
            return new CrmUser(user.Crm, user.Id);
        }

        return text.Length > 0 && text.All(char.IsAsciiLetterOrDigit) ? new CrmUser(null, text) : null;
    }

    private static List<ConfiguredChat> LegacyChats(TelegramOptions options) =>
        [.. options.ManagerChats.Select(pair => new ConfiguredChat(PeopleConfiguration.Canonical(pair.Key), pair.Value))];
}
