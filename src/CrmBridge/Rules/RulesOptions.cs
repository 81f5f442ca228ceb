using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Core.Rules;

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

    /// <summary>Cooldown violations are reported for contacts since local midnight this many days ago (1 = yesterday).</summary>
    public int CooldownLookbackDays { get; set; } = 1;

    /// <summary>Notify (tell the head) or Release (give the card to the pool user) when the term passes.</summary>
    public OwnershipMode OwnershipMode { get; set; } = OwnershipMode.Notify;

    /// <summary>Old alias of People:Pool, kept for one release: CRM name ("bitrix24", "amocrm") → the pool user id.</summary>
    public Dictionary<string, string> PoolUserIds { get; set; } = [];

    /// <summary>Old alias of People:Admins, kept for one release: CRM name → ids of portal admins.</summary>
    public Dictionary<string, List<string>> AdminUserIds { get; set; } = [];

    /// <summary>Repeat a nudge this often while its finding holds; empty sends it once per finding period.</summary>
    public TimeSpan? RepeatInterval { get; set; }

    /// <summary>Overrides by pipeline, under a free label; each entry names its PipelineId (and optionally Crm, Account).</summary>
    public Dictionary<string, RuleOverridesOptions> Pipelines { get; set; } = [];

    /// <summary>Overrides by client category: A, B, C, D, E or Unknown.</summary>
    public Dictionary<string, RuleOverridesOptions> Categories { get; set; } = [];

    /// <summary>The core's settings; who is nobody's manager comes from the People section (with its aliases).</summary>
    public RuleSettings ToRuleSettings(PeopleSettings people) => new()
    {
        CooldownDays = CooldownDays,
        ConflictWindowDays = ConflictWindowDays,
        OwnershipTermDays = OwnershipTermDays,
        OwnershipWarningDays = OwnershipWarningDays,
        OwnershipMode = OwnershipMode,
        PostponeDays = PostponeDays,
        QuarantineDays = QuarantineDays,
        SleepingDays = SleepingDays,
        CooldownLookbackDays = CooldownLookbackDays,
        People = people,
        Pipelines = Pipelines.Values.GroupBy(p => p.PipelineKey()).ToDictionary(g => g.Key, g => g.Last().ToOverrides()),
        Categories = Categories.ToDictionary(p => Enum.Parse<ClientCategory>(p.Key, ignoreCase: true), p => p.Value.ToOverrides()),
    };

    public static bool TryParseCrm(string name, out CrmKind crm)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "bitrix24":
                crm = CrmKind.Bitrix24;
                return true;
            case "amocrm":
                crm = CrmKind.AmoCrm;
                return true;
            default:
                crm = default;
                return false;
        }
    }

    private static CrmKind ParseCrm(string name) =>
        TryParseCrm(name, out var crm) ? crm : throw new FormatException($"'{name}' is not a CRM name (bitrix24, amocrm).");
}
