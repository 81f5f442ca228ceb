namespace CrmBridge.Rules;

internal sealed class RulesOptions
{
    public const string Section = "Rules";

    public int CooldownDays { get; set; } = 30;

    public int ConflictWindowDays { get; set; } = 14;

    public int OwnershipTermDays { get; set; } = 30;

    public int OwnershipWarningDays { get; set; } = 5;

    public int PostponeDays { get; set; } = 365;

    public int QuarantineDays { get; set; } = 180;

    public int SleepingDays { get; set; } = 180;
}
