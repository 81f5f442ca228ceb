namespace CrmBridge.Core.Rules;

/// <summary>Values that replace the defaults for one pipeline or client category; null keeps the value below.</summary>
public sealed record RuleOverrides
{
    public int? CooldownDays { get; init; }

    public int? ConflictWindowDays { get; init; }

    public int? OwnershipTermDays { get; init; }

    public int? OwnershipWarningDays { get; init; }

    public OwnershipMode? OwnershipMode { get; init; }

    public int? PostponeDays { get; init; }

    public int? QuarantineDays { get; init; }

    public int? SleepingDays { get; init; }

    public RuleSettings ApplyTo(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with
        {
            CooldownDays = CooldownDays ?? settings.CooldownDays,
            ConflictWindowDays = ConflictWindowDays ?? settings.ConflictWindowDays,
            OwnershipTermDays = OwnershipTermDays ?? settings.OwnershipTermDays,
            OwnershipWarningDays = OwnershipWarningDays ?? settings.OwnershipWarningDays,
            OwnershipMode = OwnershipMode ?? settings.OwnershipMode,
            PostponeDays = PostponeDays ?? settings.PostponeDays,
            QuarantineDays = QuarantineDays ?? settings.QuarantineDays,
            SleepingDays = SleepingDays ?? settings.SleepingDays,
        };
    }
}
