using CrmBridge.Core.Model;
using CrmBridge.Core.People;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Every default of domain.md section 2, plus overrides per pipeline and per client category.
/// <see cref="For"/> gives the settings that apply to one company: defaults, then its category's override,
/// then its pipeline's override (the pipeline is the more specific process, so it wins).
/// </summary>
public sealed record RuleSettings
{
    public static RuleSettings Default { get; } = new();

    /// <summary>Rest after a contact before the next outbound contact; 0 turns the cooldown off.</summary>
    public int CooldownDays { get; init; } = 30;

    /// <summary>How far back activities and open deals of another manager count as conflict evidence.</summary>
    public int ConflictWindowDays { get; init; } = 14;

    /// <summary>Days without progress before the owner loses the card; 0 turns the rule off.</summary>
    public int OwnershipTermDays { get; init; } = 30;

    /// <summary>The owner is warned this many days before the term.</summary>
    public int OwnershipWarningDays { get; init; } = 5;

    public OwnershipMode OwnershipMode { get; init; } = OwnershipMode.Notify;

    /// <summary>Return date of a postponed card that carries a reason but no date.</summary>
    public int PostponeDays { get; init; } = 365;

    /// <summary>Re-check date of a card put into quarantine without a date.</summary>
    public int QuarantineDays { get; init; } = 180;

    /// <summary>No won deal and no contact for this long puts a client on the reactivation list; 0 turns it off.</summary>
    public int SleepingDays { get; init; } = 180;

    /// <summary>Cooldown violations are reported for contacts from local midnight this many days ago (1 = yesterday and today).</summary>
    public int CooldownLookbackDays { get; init; } = 1;

    /// <summary>Who is nobody's manager (pool, admins, technical users) and who is one person; the pool user per CRM is where released cards go.</summary>
    public PeopleSettings People { get; init; } = PeopleSettings.Empty;

    /// <summary>
    /// Overrides by pipeline. A key matches the pipeline's full reference ("bitrix24:portal.bitrix24.ru:0"),
    /// its CRM and id ("bitrix24:0"), or its bare id ("0"), tried in that order.
    /// </summary>
    public IReadOnlyDictionary<string, RuleOverrides> Pipelines { get; init; } = new Dictionary<string, RuleOverrides>();

    public IReadOnlyDictionary<ClientCategory, RuleOverrides> Categories { get; init; } =
        new Dictionary<ClientCategory, RuleOverrides>();

    /// <summary>The settings for a company worked in the given pipeline (null when it has no deal).</summary>
    public RuleSettings For(ClientCategory category, Pipeline? pipeline)
    {
        var settings = this;
        if (Categories.TryGetValue(category, out var byCategory))
        {
            settings = byCategory.ApplyTo(settings);
        }

        if (pipeline is not null && FindPipelineOverride(pipeline) is { } byPipeline)
        {
            settings = byPipeline.ApplyTo(settings);
        }

        return settings;
    }

    private RuleOverrides? FindPipelineOverride(Pipeline pipeline)
    {
        if (Pipelines.Count == 0)
        {
            return null;
        }

        string[] candidates = [pipeline.Ref.Key, $"{CrmRef.CrmName(pipeline.Ref.Crm)}:{pipeline.Ref.Id}", pipeline.Ref.Id];
        foreach (var key in candidates)
        {
            if (Pipelines.TryGetValue(key, out var found))
            {
                return found;
            }
        }

        return null;
    }
}
