using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>Everything a rule reads: the base, the settings, the moment and the portal's calendar.</summary>
public sealed class RuleInput
{
    private readonly Dictionary<CrmRef, RuleSettings> _settingsByCompany = [];

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

    /// <summary>The settings for one company: defaults with its category's and pipeline's overrides.</summary>
    public RuleSettings SettingsFor(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (!_settingsByCompany.TryGetValue(company.Ref, out var settings))
        {
            settings = Settings.For(company.Category, Index.PipelineOf(company));
            _settingsByCompany[company.Ref] = settings;
        }

        return settings;
    }

    /// <summary>True when the moment was at or before the first run (or this is the first run).</summary>
    public bool WasDueAtFirstRun(DateTimeOffset dueAt) => FirstRunAt is not { } firstRun || dueAt <= firstRun;
}
