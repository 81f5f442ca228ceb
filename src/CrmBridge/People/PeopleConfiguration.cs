using CrmBridge.Core.Kpi;
using CrmBridge.Core.People;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;

namespace CrmBridge.People;

/// <summary>
/// The People section merged with the keys it replaces, which still work for one release as aliases:
/// Rules:PoolUserIds → People:Pool, Rules:AdminUserIds → People:Admins, Kpi:ExcludedManagers → People:Technical,
/// Telegram:ManagerChats → People:Managers:KEY:ChatId, Kpi:Managers → People:Managers:KEY plans.
/// Read from the configuration itself, so this layer depends on no feature above it.
/// </summary>
internal sealed class PeopleConfiguration
{
    public PeopleConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Options = configuration.GetSection(PeopleOptions.Section).Get<PeopleOptions>() ?? new PeopleOptions();
        var legacyPool = Children(configuration, "Rules:PoolUserIds").Select(pair => $"{pair.Key}:{pair.Value}");
        var legacyAdmins = configuration.GetSection("Rules:AdminUserIds").GetChildren()
            .SelectMany(crm => crm.GetChildren().Select(id => $"{crm.Key}:{id.Value}"));
        var legacyExcluded = configuration.GetSection("Kpi:ExcludedManagers").GetChildren().Select(item => item.Value ?? "");

        var chats = new List<ConfiguredChat>();
        var plans = new Dictionary<string, ManagerPlan>(StringComparer.OrdinalIgnoreCase);
        var links = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, person) in Options.Managers)
        {
            var name = PersonName(key, person);
            if (person.Users.Count > 0)
            {
                links[name] = [.. person.Users.Select(Canonical)];
            }

            if (person.ChatId is { } chat)
            {
                chats.Add(new ConfiguredChat(name, chat));
            }

            if (person.PlanSharePercent is not null || person.Daily is not null)
            {
                plans[name] = new ManagerPlan
                {
                    PlanSharePercent = person.PlanSharePercent ?? 0,
                    Daily = person.Daily is { } daily ? new DailyPlan(daily.Calls, daily.Meetings, daily.DealsCreated, daily.DealsWon) : null,
                };
            }
        }

        chats.AddRange(Children(configuration, "Telegram:ManagerChats")
            .Select(pair => (pair.Key, Chat: ChatAddress.TryParse(pair.Value, out var chat) ? chat : (ChatAddress?)null))
            .Where(pair => pair.Chat is not null)
            .Select(pair => new ConfiguredChat(Canonical(pair.Key), pair.Chat!.Value)));

        Settings = new PeopleSettings
        {
            Pool = Names(Options.Pool.Concat(legacyPool)),
            Admins = Names(Options.Admins.Concat(legacyAdmins)),
            Technical = Names(Options.Technical.Concat(legacyExcluded)),
            Links = links,
        };
        Chats = chats;
        Plans = plans;
    }

    public PeopleOptions Options { get; }

    public PeopleSettings Settings { get; }

    /// <summary>Chats named in settings; the People entries first, so they win over the old Telegram:ManagerChats.</summary>
    public IReadOnlyList<ConfiguredChat> Chats { get; }

    /// <summary>Plans from People:Managers by person name (the Kpi:Managers alias is merged by the Kpi feature).</summary>
    public IReadOnlyDictionary<string, ManagerPlan> Plans { get; }

    /// <summary>The name one People:Managers entry stands for: its e-mail, its CRM user, or the label.</summary>
    public static string PersonName(string key, PersonOptions person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return !string.IsNullOrWhiteSpace(person.Email) ? Canonical(person.Email) : Canonical(key);
    }

    /// <summary>"bitrix24_7", "bitrix24.7" and "bitrix24:7" are one user; e-mails compare lower-case.</summary>
    public static string Canonical(string name)
    {
        var trimmed = (name ?? "").Trim();
        return UserName.TryParse(trimmed, out var user) ? user.ToString()
            : UserName.IsEmail(trimmed) ? trimmed.ToLowerInvariant()
            : trimmed;
    }

    private static List<string> Names(IEnumerable<string> names) =>
        [.. names.Where(name => !string.IsNullOrWhiteSpace(name)).Select(Canonical).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Key → value under a section; a JSON key "bitrix24:7" arrives as a nested section and is joined back.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Children(IConfiguration configuration, string path)
    {
        foreach (var child in configuration.GetSection(path).GetChildren())
        {
            if (child.Value is not null)
            {
                yield return KeyValuePair.Create(child.Key, child.Value);
                continue;
            }

            foreach (var nested in child.GetChildren().Where(nested => nested.Value is not null))
            {
                yield return KeyValuePair.Create($"{child.Key}:{nested.Key}", nested.Value!);
            }
        }
    }
}
