using CrmBridge.Core.Classification;
using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Clients;

/// <summary>
/// The clients of a base with their histories, statuses, ABCDE grades and the funnel each deal belongs to, worked
/// out on first use and kept for one report. A client without deals costs no history at all.
/// </summary>
public sealed class ClientBook
{
    private readonly ClientIndex _index;
    private readonly ClientSettings _settings;
    private readonly CurrencyPolicy _currency;
    private readonly PortalCalendar _calendar;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, CompanyProfile> _profiles;
    private readonly ClientHistory?[] _histories;
    private readonly bool[] _built;

    public ClientBook(ClientIndex index, ClientGroups groups, ClientSettings settings, CurrencyPolicy currency, PortalCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(calendar);
        _index = index;
        Groups = groups;
        _settings = settings;
        _currency = currency;
        _calendar = calendar;
        _now = now;
        _profiles = new Dictionary<string, CompanyProfile>(StringComparer.Ordinal);
        foreach (var profile in index.Base.Profiles)
        {
            _profiles[profile.Inn] = profile;
        }

        _histories = new ClientHistory?[groups.Count];
        _built = new bool[groups.Count];
    }

    public ClientGroups Groups { get; }

    /// <summary>
    /// The client's history; null for a client without deals. Safe to ask from several threads: a history two threads
    /// build at once is built twice, equal both times, and published after it is complete.
    /// </summary>
    public ClientHistory? HistoryOf(int client)
    {
        if (!Volatile.Read(ref _built[client]))
        {
            var cards = Groups.CardsOf(client);
            var hasDeals = false;
            foreach (var card in cards)
            {
                hasDeals |= _index.DealsOf(card.Ref).Count > 0;
            }

            _histories[client] = hasDeals ? ClientHistory.Of(cards, _index) : null;
            Volatile.Write(ref _built[client], true);
        }

        return _histories[client];
    }

    public ClientStatusDecision StatusOf(int client) =>
        ClientStatusClassifier.Classify(Groups.CardsOf(client), HistoryOf(client), _settings, _currency, _now, _calendar);

    /// <summary>The client's grade in each pipeline it has a deal in; none for a client without deals.</summary>
    public IReadOnlyList<AbcdeGrade> GradesOf(int client)
    {
        if (HistoryOf(client) is not { } history)
        {
            return [];
        }

        var cards = Groups.CardsOf(client);
        var category = CompanyCategory.Unknown;
        CompanyProfile? profile = null;
        foreach (var card in cards)
        {
            // Cards of one INN share the registry facts; the first card with a decision speaks for the client.
            if (category == CompanyCategory.Unknown)
            {
                category = CategoryDecision.Of(card);
            }

            if (profile is null && _profiles.Count > 0 && InnKey.Check(CardIdentity.Of(card).RawInn, out var inn, out _) == InnCheck.Valid)
            {
                profile = _profiles.GetValueOrDefault(inn);
            }
        }

        return AbcdeClassifier.Grade(history, category, profile, _settings, _currency, _now);
    }

    /// <summary>The funnel of a deal, by its client's state just before the deal was created.</summary>
    public FunnelKind FunnelOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var client = deal.Company is null ? -1 : Groups.ClientOf(deal.Company);
        if (client < 0 || HistoryOf(client) is not { } history)
        {
            return FunnelKind.Acquisition;
        }

        return history.StateAt(deal.CreatedAt, _settings.SleepingDays, _calendar) switch
        {
            ClientState.Active => FunnelKind.Retention,
            ClientState.Sleeping or ClientState.Lost => FunnelKind.Reactivation,
            _ => FunnelKind.Acquisition,
        };
    }
}
