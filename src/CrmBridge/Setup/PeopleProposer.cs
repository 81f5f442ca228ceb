using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;

namespace CrmBridge.Setup;

/// <summary>
/// Picks the pool and technical users of each CRM from names, the webhook owner and behaviour: a user owning many
/// cards while making no contacts is not selling. Every pick carries the facts that made it, so a person can say no.
/// </summary>
internal static class PeopleProposer
{
    /// <summary>Name fragments of a free base ("Свободная база", "Общая база", "Пул", "Free").</summary>
    private static readonly string[] PoolNames = ["свободн", "общая база", "общие клиенты", "пул", "нераспредел", "pool", "free", "unassigned"];

    private static readonly string[] TechnicalNames = ["интеграц", "integration", "api", "bot", "бот", "робот", "robot", "1с", "1c", "webhook", "вебхук"];

    /// <summary>A user owning at least this share of a CRM's cards (and 10 cards) with no contacts is not a seller.</summary>
    private const double HeavyShare = 0.10;

    public static IReadOnlyList<UserCandidate> Propose(IReadOnlyList<CrmSurvey> surveys)
    {
        ArgumentNullException.ThrowIfNull(surveys);
        var candidates = new List<UserCandidate>();
        foreach (var survey in surveys.Where(s => s.Problem is null))
        {
            candidates.AddRange(ProposeFor(survey));
        }

        return candidates;
    }

    /// <summary>Users who are one person across the CRMs, by e-mail: e-mail → users.</summary>
    public static IReadOnlyList<IGrouping<string, SurveyedUser>> SamePeople(IReadOnlyList<CrmSurvey> surveys) =>
        [.. surveys.SelectMany(s => s.Users)
            .Where(u => !string.IsNullOrWhiteSpace(u.Email))
            .GroupBy(u => u.Email!.Trim().ToLowerInvariant())
            .Where(g => g.Select(u => u.Crm).Distinct().Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static List<UserCandidate> ProposeFor(CrmSurvey survey)
    {
        var totalCards = survey.Users.Sum(u => u.CardsOwned ?? 0);
        var found = new Dictionary<SurveyedUser, (PersonRole Role, List<string> Evidence)>();

        foreach (var user in survey.Users)
        {
            if (Matches(user.Name, PoolNames) is { } poolWord)
            {
                found[user] = (PersonRole.Pool, [$"name '{user.Name}' looks like a free base ('{poolWord}')", Behaviour(user)]);
            }
            else if (Matches(user.Name, TechnicalNames) is { } technicalWord)
            {
                found[user] = (PersonRole.Technical, [$"name '{user.Name}' looks like an integration ('{technicalWord}')", Behaviour(user)]);
            }
        }

        var owner = survey.Users.FirstOrDefault(u => u.IsWebhookOwner);
        if (owner is not null && !found.ContainsKey(owner))
        {
            if ((owner.Contacts30Days ?? 0) == 0)
            {
                found[owner] = (PersonRole.Technical, ["webhook owner (Bitrix24 user.current)", Behaviour(owner)]);
            }
        }

        // Heavy owners without contacts: the biggest is the pool when no name said so, the others are technical.
        var heavy = survey.Users
            .Where(u => !found.ContainsKey(u) && u.CardsOwned is int cards && cards >= 10 && cards >= totalCards * HeavyShare && u.Contacts30Days == 0)
            .OrderByDescending(u => u.CardsOwned)
            .ToList();
        var poolNamed = found.Values.Any(v => v.Role == PersonRole.Pool);
        foreach (var user in heavy)
        {
            var role = poolNamed ? PersonRole.Technical : PersonRole.Pool;
            poolNamed = true;
            found[user] = (role, [$"owns {Share(user.CardsOwned!.Value, totalCards)}, 0 contacts in 30 days"]);
        }

        return [.. found
            .OrderBy(pair => pair.Value.Role)
            .ThenBy(pair => pair.Key.Id, StringComparer.Ordinal)
            .Select(pair => new UserCandidate(pair.Key, pair.Value.Role, [.. pair.Value.Evidence.Where(e => e.Length > 0)]))];
    }

    private static string Behaviour(SurveyedUser user) => (user.CardsOwned, user.Contacts30Days) switch
    {
        (int cards, int contacts) => string.Create(CultureInfo.InvariantCulture, $"owns {cards} cards, {contacts} contacts in 30 days"),
        _ => "",
    };

    private static string Share(int cards, int total) =>
        total == 0 ? "0 cards" : string.Create(CultureInfo.InvariantCulture, $"{cards} of {total} cards ({cards * 100 / total} %)");

    /// <summary>The first fragment found in the name as a whole word start (so "api" does not match "Капитонова").</summary>
    private static string? Matches(string name, string[] fragments)
    {
        var words = (name ?? "").ToLowerInvariant()
            .Split([' ', '-', '_', '.', '(', ')', '«', '»', '"', ','], StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        return fragments.FirstOrDefault(fragment => fragment.Contains(' ', StringComparison.Ordinal)
            ? text.Contains(fragment, StringComparison.Ordinal)
            : words.Any(word => word.StartsWith(fragment, StringComparison.Ordinal)));
    }

    public static string CrmTitle(CrmKind crm) => crm == CrmKind.Bitrix24 ? "Bitrix24" : "amoCRM";
}
