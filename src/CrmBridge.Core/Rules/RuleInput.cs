using CrmBridge.Core.Classification;
using CrmBridge.Core.Clients;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>Everything a rule reads: the base, the settings, the moment and the portal's calendar.</summary>
public sealed class RuleInput
{
    private readonly Dictionary<CrmRef, RuleSettings> _settingsByCompany = [];
    private ClientGroups? _clients;

    public RuleInput(ClientBase clientBase, RuleSettings settings, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Now = now;
        Calendar = new PortalCalendar(timeZone);
        Index = new ClientIndex(clientBase);
        People = new ManagerDirectory(clientBase.Managers, settings);
    }

    public RuleSettings Settings { get; }

    public DateTimeOffset Now { get; }

    public PortalCalendar Calendar { get; }

    public ClientIndex Index { get; }

    public ManagerDirectory People { get; }

    /// <summary>Cards believed to be one client (INN groups from dedupe); cards in no group stand alone.</summary>
    public IReadOnlyList<IReadOnlyList<CrmRef>> InnGroups { get; init; } = [];

    /// <summary>
    /// When CrmBridge first evaluated the rules; null when this evaluation is the first. A timeout that was already
    /// due at the first run is only reported, never released, on that run and every later one.
    /// </summary>
    public DateTimeOffset? FirstRunAt { get; init; }

    public DateOnly Today => Calendar.DateOf(Now);

    public IEnumerable<Company> LiveCompanies => Index.Base.Companies.Where(c => !c.IsDeleted);

    /// <summary>The live cards grouped into clients by <see cref="InnGroups"/>, built on first use.</summary>
    public ClientGroups Clients => _clients ??= ClientGroups.FromGroups(Index.Base.Companies, InnGroups, Index.Company);

    /// <summary>The latest contact on any card of the card's client, in either CRM: the rest is per client.</summary>
    public Activity? LastContactOf(Company card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var client = Clients.ClientOf(card.Ref);
        if (client < 0)
        {
            return Index.LastContactOf(card.Ref);
        }

        Activity? last = null;
        foreach (var sibling in Clients.CardsOf(client))
        {
            if (Index.LastContactOf(sibling.Ref) is { } contact && (last is null || contact.At > last.At))
            {
                last = contact;
            }
        }

        return last;
    }

    /// <summary>The settings for one company: defaults with its category's and pipeline's overrides.</summary>
    public RuleSettings SettingsFor(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (Settings.Categories.Count == 0 && Settings.Pipelines.Count == 0)
        {
            // Without overrides every company gets the defaults (RuleSettings.For returns them as they are): no
            // pipeline lookup and no cache entry per company.
            return Settings;
        }

        if (!_settingsByCompany.TryGetValue(company.Ref, out var settings))
        {
            // Rules:Categories overrides read the stored A/B decision (the keys still share the ABCDE enum's A and B).
            var category = CategoryDecision.Of(company) switch
            {
                CompanyCategory.A => ClientCategory.A,
                CompanyCategory.B => ClientCategory.B,
                _ => ClientCategory.Unknown,
            };
            settings = Settings.For(category, Index.PipelineOf(company));
            _settingsByCompany[company.Ref] = settings;
        }

        return settings;
    }

    /// <summary>True when the moment was at or before the first run (or this is the first run).</summary>
    public bool WasDueAtFirstRun(DateTimeOffset dueAt) => FirstRunAt is not { } firstRun || dueAt <= firstRun;
}
