using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Clients;

/// <summary>
/// Which live cards are one client (domain.md section 1): the cards of one INN group, in one CRM or across both; a
/// card in no group is a client of its own. Kept as one flat array cut into ranges, so a million clients cost two
/// arrays and a dictionary, not a list per client.
/// </summary>
public sealed class ClientGroups
{
    private readonly Company[] _cards;
    private readonly int[] _starts;
    private readonly Dictionary<CrmRef, int> _clientOfCard;

    private ClientGroups(Company[] cards, int[] starts, Dictionary<CrmRef, int> clientOfCard)
    {
        _cards = cards;
        _starts = starts;
        _clientOfCard = clientOfCard;
    }

    /// <summary>How many clients.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The cards of one client, its master first (oldest first when grouped by INN here).</summary>
    public ArraySegment<Company> CardsOf(int client) => new(_cards, _starts[client], _starts[client + 1] - _starts[client]);

    /// <summary>The client a card belongs to; -1 for a card that is deleted or unknown.</summary>
    public int ClientOf(CrmRef card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return _clientOfCard.TryGetValue(card, out var client) ? client : -1;
    }

    /// <summary>Groups live cards by their valid INN (the card's own INN, else its first requisite's).</summary>
    public static ClientGroups ByInn(IEnumerable<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var byInn = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<int>();
        var live = new List<Company>();
        var clients = 0;
        foreach (var company in companies)
        {
            if (company.IsDeleted)
            {
                continue;
            }

            live.Add(company);
            if (InnKey.Check(CardIdentity.Of(company).RawInn, out var inn, out _) == InnCheck.Valid)
            {
                if (!byInn.TryGetValue(inn, out var client))
                {
                    byInn[inn] = client = clients++;
                }

                keys.Add(client);
            }
            else
            {
                keys.Add(clients++);
            }
        }

        return Build(live, keys, clients, oldestFirst: true);
    }

    /// <summary>
    /// Uses the INN groups dedupe found, each in the order dedupe gave (its master first); live cards in no group stand
    /// alone, in base order.
    /// </summary>
    public static ClientGroups FromGroups(
        IEnumerable<Company> companies, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, Func<CrmRef, Company?> cardOf)
    {
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(innGroups);
        ArgumentNullException.ThrowIfNull(cardOf);
        var grouped = new HashSet<CrmRef>();
        var keys = new List<int>();
        var live = new List<Company>();
        var clients = 0;
        foreach (var group in innGroups)
        {
            var any = false;
            foreach (var reference in group)
            {
                if (cardOf(reference) is { IsDeleted: false } card && grouped.Add(card.Ref))
                {
                    live.Add(card);
                    keys.Add(clients);
                    any = true;
                }
            }

            clients += any ? 1 : 0;
        }

        foreach (var company in companies)
        {
            if (!company.IsDeleted && !grouped.Contains(company.Ref))
            {
                live.Add(company);
                keys.Add(clients++);
            }
        }

        return Build(live, keys, clients, oldestFirst: false);
    }

    /// <summary>A counting sort of the cards by client: two passes, no per-client collections.</summary>
    private static ClientGroups Build(List<Company> live, List<int> clientOfIndex, int clients, bool oldestFirst)
    {
        var starts = new int[clients + 1];
        foreach (var client in clientOfIndex)
        {
            starts[client + 1]++;
        }

        for (var c = 0; c < clients; c++)
        {
            starts[c + 1] += starts[c];
        }

        var next = (int[])starts.Clone();
        var cards = new Company[live.Count];
        var clientOfCard = new Dictionary<CrmRef, int>(live.Count);
        for (var i = 0; i < live.Count; i++)
        {
            var client = clientOfIndex[i];
            cards[next[client]++] = live[i];
            clientOfCard[live[i].Ref] = client;
        }

        for (var c = 0; oldestFirst && c < clients; c++)
        {
            if (starts[c + 1] - starts[c] > 1)
            {
                Array.Sort(cards, starts[c], starts[c + 1] - starts[c], OldestFirst.Instance);
            }
        }

        return new ClientGroups(cards, starts, clientOfCard);
    }

    private sealed class OldestFirst : IComparer<Company>
    {
        public static readonly OldestFirst Instance = new();

        public int Compare(Company? x, Company? y)
        {
            var byAge = x!.CreatedAt.CompareTo(y!.CreatedAt);
            return byAge != 0 ? byAge : string.CompareOrdinal(x.Ref.Key, y.Ref.Key);
        }
    }
}
