using CrmBridge.Core.Rules;

namespace CrmBridge.Rules;

/// <summary>
/// Rules:Pipelines:LABEL or Rules:Categories:LETTER: values that replace the defaults; absent keys keep them.
/// A pipeline entry names its pipeline with PipelineId, and Crm / Account when ids repeat across CRMs or portals
/// (configuration keys cannot hold the ":" of a reference, hence a free label plus these fields).
/// </summary>
internal sealed class RuleOverridesOptions
{
    /// <summary>Pipelines only: Bitrix24 category id or amoCRM pipeline id.</summary>
    public string? PipelineId { get; set; }

    /// <summary>Pipelines only, optional: bitrix24 or amocrm.</summary>
    public string? Crm { get; set; }

    /// <summary>Pipelines only, optional: the portal host or amoCRM subdomain host.</summary>
    public string? Account { get; set; }

    public int? CooldownDays { get; set; }

    public int? ConflictWindowDays { get; set; }

    public int? OwnershipTermDays { get; set; }

    public int? OwnershipWarningDays { get; set; }

    public OwnershipMode? OwnershipMode { get; set; }

    public int? PostponeDays { get; set; }

    public int? QuarantineDays { get; set; }

    public int? SleepingDays { get; set; }

    public IEnumerable<(string Key, int? Days)> DayCounts() =>
    [
        (nameof(CooldownDays), CooldownDays),
        (nameof(ConflictWindowDays), ConflictWindowDays),
        (nameof(OwnershipTermDays), OwnershipTermDays),
        (nameof(OwnershipWarningDays), OwnershipWarningDays),
        (nameof(PostponeDays), PostponeDays),
        (nameof(QuarantineDays), QuarantineDays),
        (nameof(SleepingDays), SleepingDays),
    ];

    /// <summary>The key RuleSettings.Pipelines matches: full reference, crm:id, or the bare id.</summary>
    public string PipelineKey()
    {
        var id = PipelineId?.Trim() ?? "";
        var crm = Crm?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(crm))
        {
            return id;
        }

        return string.IsNullOrWhiteSpace(Account) ? $"{crm}:{id}" : $"{crm}:{Account.Trim()}:{id}";
    }

    public RuleOverrides ToOverrides() => new()
    {
        CooldownDays = CooldownDays,
        ConflictWindowDays = ConflictWindowDays,
        OwnershipTermDays = OwnershipTermDays,
        OwnershipWarningDays = OwnershipWarningDays,
        OwnershipMode = OwnershipMode,
        PostponeDays = PostponeDays,
        QuarantineDays = QuarantineDays,
        SleepingDays = SleepingDays,
    };
}
