using CrmBridge.Core.Model;
using CrmBridge.Crm;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>Who reads what, from Telegram:HeadChatIds, ManagerChats and AllowedChatIds.</summary>
internal sealed class ChatDirectory : IChatDirectory
{
    private readonly List<(CrmUser User, long Chat)> managerChats;

    public ChatDirectory(IOptions<TelegramOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        HeadChatIds = value.HeadChatIds.Distinct().ToList();
        managerChats = value.ManagerChats
            .Select(pair => (User: ParseUser(pair.Key), Chat: pair.Value))
            .Where(item => item.User is not null)
            .Select(item => (item.User!, item.Chat))
            .ToList();
        AllowedChatIds = (value.AllowedChatIds.Count > 0 ? value.AllowedChatIds : HeadChatIds.Concat(managerChats.Select(item => item.Chat)))
            .ToHashSet();
    }

    public IReadOnlyList<long> HeadChatIds { get; }

    /// <summary>Chats the bot answers.</summary>
    public IReadOnlySet<long> AllowedChatIds { get; }

    public bool IsHead(long chatId) => HeadChatIds.Contains(chatId);

    /// <summary>A "crm:id" key wins over a bare id for the same user.</summary>
    public long? ManagerChat(CrmRef manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var matches = managerChats.Where(item => item.User.Matches(manager)).ToList();
        return matches.Count == 0 ? null : matches.OrderBy(item => item.User.Crm is null ? 1 : 0).First().Chat;
    }

    /// <summary>The CRM users whose chat this is (for /callable and /kpi without a name).</summary>
    public IReadOnlyList<CrmUser> UsersOf(long chatId) =>
        managerChats.Where(item => item.Chat == chatId).Select(item => item.User).ToList();

    /// <summary>"bitrix24.7", "bitrix24:7", "amocrm.123" or a bare "7"; null when it is none of these.</summary>
    public static CrmUser? ParseUser(string key)
    {
        var text = (key ?? "").Trim();
        var separator = text.IndexOfAny([':', '.']);
        if (separator < 0)
        {
            return text.Length > 0 ? new CrmUser(null, text) : null;
        }

        CrmKind? crm = text[..separator].ToLowerInvariant() switch
        {
            "bitrix24" => CrmKind.Bitrix24,
            "amocrm" => CrmKind.AmoCrm,
            _ => null,
        };
        var id = text[(separator + 1)..];
        return crm is null || id.Length == 0 ? null : new CrmUser(crm, id);
    }
}
