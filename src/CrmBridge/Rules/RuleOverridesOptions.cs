using CrmBridge.Core.Rules;

namespace CrmBridge.Rules;

/// <summary>Rules:Pipelines:KEY or Rules:Categories:KEY: values that replace the defaults; absent keys keep them.</summary>
internal sealed class RuleOverridesOptions
{
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
