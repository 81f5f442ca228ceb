using CrmBridge.Core.Model;

namespace CrmBridge.Core.People;

/// <summary>
/// The one answer to "who is who" (domain.md "People"): CRM users with the same e-mail, or linked in settings, are one
/// person; the pool, admins and technical users are nobody's manager. Rules, KPIs, dedupe and Telegram all ask here.
/// </summary>
public sealed class PeopleDirectory
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<UserName, PersonEntry> _byUser = [];
    private readonly Dictionary<string, PersonEntry> _byName = new(Names);
    private readonly Dictionary<UserName, PersonRole> _rolesByUserName = [];
    private readonly Dictionary<UserName, string> _linkedKeys = [];
    private readonly Dictionary<UserName, string> _userNames = [];

    // Rules ask who is a manager and who is one person for every card and activity: these answer by the user's CRM and
    // id without making a UserName each time (the same answers as the maps above, worked out once).
    private readonly Dictionary<(CrmKind Crm, string Id), PersonRole> _roles = [];
    private readonly Dictionary<(CrmKind Crm, string Id), string> _personKeys = [];

    public PeopleDirectory(IEnumerable<Manager> users, PeopleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, members) in settings.Links)
        {
            foreach (var member in members)
            {
                if (UserName.TryParse(member, out var name))
                {
                    _linkedKeys[name] = Normalize(key);
                }
            }
        }

        var roles = RolesByName(settings);
        var groups = users
            .GroupBy(user => UserName.Of(user.Ref))
            .Select(group => group.Last())
            .GroupBy(KeyOf, Names);
        var people = new List<PersonEntry>();
        foreach (var group in groups)
        {
            var members = group.OrderBy(user => user.Ref.Crm).ThenBy(user => user.Ref.Id, StringComparer.Ordinal).ToList();
            var email = members.Select(user => Normalize(user.Email)).FirstOrDefault(value => value.Length > 0);
            var role = RoleOf(group.Key, email, members, roles);
            var entry = new PersonEntry(group.Key, members[0].Name, email, [.. members.Select(user => user.Ref)], role);
            people.Add(entry);
            foreach (var member in members)
            {
                _byUser[UserName.Of(member.Ref)] = entry;
                _userNames[UserName.Of(member.Ref)] = member.Name;
            }

            foreach (var name in entry.Names)
            {
                _byName.TryAdd(name, entry);
            }
        }

        foreach (var (name, role) in roles)
        {
            if (UserName.TryParse(name, out var userName))
            {
                _rolesByUserName.TryAdd(userName, role);
            }
        }

        foreach (var (name, role) in _rolesByUserName)
        {
            _roles[(name.Crm, name.Id)] = role;
        }

        foreach (var (name, key) in _linkedKeys)
        {
            _personKeys[(name.Crm, name.Id)] = key;
        }

        foreach (var (name, person) in _byUser)
        {
            _roles[(name.Crm, name.Id)] = person.Role;
            _personKeys[(name.Crm, name.Id)] = person.Key;
        }

        People = [.. people.OrderBy(person => person.Name, StringComparer.CurrentCulture)];
        Settings = settings;
    }

    public static PeopleDirectory Empty { get; } = new([], PeopleSettings.Empty);

    /// <summary>Everyone known, managers and the rest, by name.</summary>
    public IReadOnlyList<PersonEntry> People { get; }

    public PeopleSettings Settings { get; }

    public IEnumerable<PersonEntry> Managers => People.Where(person => person.IsManager);

    public PersonRole RoleOf(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _roles.TryGetValue((user.Crm, user.Id), out var role) ? role : PersonRole.Manager;
    }

    public bool IsManager(CrmRef user) => RoleOf(user) == PersonRole.Manager;

    /// <summary>One key per person: the lower-cased e-mail, the linked key, or "bitrix24:7" for a lone user.</summary>
    public string PersonKey(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _personKeys.TryGetValue((user.Crm, user.Id), out var key) ? key : UserName.Of(user).ToString();
    }

    /// <summary>Who owns a card, as a person key; null for a card without an owner. Dedupe's owner identity.</summary>
    public string? OwnerKey(Company card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return string.IsNullOrWhiteSpace(card.OwnerId) ? null : PersonKey(card.Ref.Sibling(card.OwnerId));
    }

    public bool SamePerson(CrmRef a, CrmRef b) => Names.Equals(PersonKey(a), PersonKey(b));

    public PersonEntry? PersonOf(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _byUser.GetValueOrDefault(UserName.Of(user));
    }

    /// <summary>The user's name, or the id when the CRM did not give one.</summary>
    public string NameOf(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _userNames.GetValueOrDefault(UserName.Of(user)) ?? user.Id;
    }

    /// <summary>The person a setting names: by e-mail, linked key or "crm:id"; null when nobody matches.</summary>
    public PersonEntry? Find(string name) => _byName.GetValueOrDefault(Normalize(name))
        ?? (UserName.TryParse(name, out var user) ? _byUser.GetValueOrDefault(user) : null);

    /// <summary>Every name settings may use for the user's person (e-mail, linked key, "crm:id" of each user).</summary>
    public IEnumerable<string> NamesOf(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return PersonOf(user)?.Names ?? [PersonKey(user), UserName.Of(user).ToString()];
    }

    /// <summary>The pool user of a CRM (released cards go to it), or null when none is named for that CRM.</summary>
    public string? PoolUserId(CrmKind crm)
    {
        var named = _rolesByUserName.Where(pair => pair.Value == PersonRole.Pool && pair.Key.Crm == crm).Select(pair => pair.Key.Id);
        var byPerson = People.Where(person => person.Role == PersonRole.Pool)
            .SelectMany(person => person.Users).Where(user => user.Crm == crm).Select(user => user.Id);
        return named.Concat(byPerson).FirstOrDefault();
    }

    private string KeyOf(Manager user)
    {
        var name = UserName.Of(user.Ref);
        if (_linkedKeys.TryGetValue(name, out var linked))
        {
            return linked;
        }

        var email = Normalize(user.Email);
        return email.Length > 0 ? email : name.ToString();
    }

    private static Dictionary<string, PersonRole> RolesByName(PeopleSettings settings)
    {
        // The pool wins over admin, admin over technical: the pool user is also where releases go.
        var roles = new Dictionary<string, PersonRole>(Names);
        foreach (var (names, role) in new[] { (settings.Pool, PersonRole.Pool), (settings.Admins, PersonRole.Admin), (settings.Technical, PersonRole.Technical) })
        {
            foreach (var name in names.Where(name => !string.IsNullOrWhiteSpace(name)))
            {
                var key = UserName.TryParse(name, out var user) ? user.ToString() : Normalize(name);
                roles.TryAdd(key, role);
            }
        }

        return roles;
    }

    private static PersonRole RoleOf(string key, string? email, List<Manager> members, Dictionary<string, PersonRole> roles)
    {
        IEnumerable<string> names = [key, .. email is null ? [] : new[] { email }, .. members.Select(user => UserName.Of(user.Ref).ToString())];
        var found = names.Select(name => roles.TryGetValue(name, out var role) ? role : (PersonRole?)null).OfType<PersonRole>().ToList();
        return found.Count == 0 ? PersonRole.Manager : found.Min();
    }

    private static string Normalize(string? text) => (text ?? "").Trim().ToLowerInvariant();
}
