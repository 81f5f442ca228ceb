using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Foundation;
using Microsoft.Extensions.Options;

namespace CrmBridge.Rules;

internal sealed class RulesOptionsValidator : IValidateOptions<RulesOptions>
{
    private const string S = RulesOptions.Section;

    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        var errors = new ConfigurationErrors();
        CheckDays(errors, S, DayCounts(options).Select(d => (d.Key, (int?)d.Days)));
        if (options.OwnershipWarningDays > options.OwnershipTermDays)
        {
            errors.Add($"{S}:{nameof(options.OwnershipWarningDays)}", $"must not exceed {S}:{nameof(options.OwnershipTermDays)} ({options.OwnershipTermDays}), got {options.OwnershipWarningDays}");
        }

        if (options.RepeatInterval is { } repeat && repeat <= TimeSpan.Zero)
        {
            errors.Add($"{S}:{nameof(options.RepeatInterval)}", $"must be a positive time span such as 1.00:00:00, or empty to nudge once, got {repeat}");
        }

        CheckCrmKeys(errors, nameof(options.PoolUserIds), options.PoolUserIds.Keys);
        CheckCrmKeys(errors, nameof(options.AdminUserIds), options.AdminUserIds.Keys);
        foreach (var crm in options.PoolUserIds.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key))
        {
            errors.Add($"{S}:{nameof(options.PoolUserIds)}:{crm}", "is empty; give the CRM user id of the pool or remove the key");
        }

        foreach (var (key, overrides) in options.Pipelines)
        {
            if (string.IsNullOrWhiteSpace(overrides.PipelineId))
            {
                errors.Add($"{S}:{nameof(options.Pipelines)}:{key}:{nameof(overrides.PipelineId)}", "is empty; name the pipeline (Bitrix24 category id or amoCRM pipeline id)");
            }

            if (overrides.Crm is { } crm && !RulesOptions.TryParseCrm(crm, out _))
            {
                errors.Add($"{S}:{nameof(options.Pipelines)}:{key}:{nameof(overrides.Crm)}", $"'{crm}' is not a CRM name (bitrix24, amocrm)");
            }

            CheckDays(errors, $"{S}:{nameof(options.Pipelines)}:{key}", overrides.DayCounts());
        }

        foreach (var (key, overrides) in options.Categories)
        {
            if (!Enum.TryParse<ClientCategory>(key, ignoreCase: true, out _) || int.TryParse(key, out _))
            {
                errors.Add($"{S}:{nameof(options.Categories)}:{key}", "is not a client category (A, B, C, D, E, Unknown)");
            }

            CheckDays(errors, $"{S}:{nameof(options.Categories)}:{key}", overrides.DayCounts());
        }

        return errors.ToResult();
    }

    private static IEnumerable<(string Key, int Days)> DayCounts(RulesOptions o) =>
    [
        (nameof(o.CooldownDays), o.CooldownDays),
        (nameof(o.ConflictWindowDays), o.ConflictWindowDays),
        (nameof(o.OwnershipTermDays), o.OwnershipTermDays),
        (nameof(o.OwnershipWarningDays), o.OwnershipWarningDays),
        (nameof(o.PostponeDays), o.PostponeDays),
        (nameof(o.QuarantineDays), o.QuarantineDays),
        (nameof(o.SleepingDays), o.SleepingDays),
        (nameof(o.CooldownLookbackDays), o.CooldownLookbackDays),
    ];

    private static void CheckDays(ConfigurationErrors errors, string prefix, IEnumerable<(string Key, int? Days)> days)
    {
        foreach (var (key, value) in days)
        {
            if (value < 0)
            {
                errors.Add($"{prefix}:{key}", $"must be 0 or more, got {value}");
            }
        }
    }

    private static void CheckCrmKeys(ConfigurationErrors errors, string property, IEnumerable<string> keys)
    {
        foreach (var key in keys.Where(k => !RulesOptions.TryParseCrm(k, out _)))
        {
            errors.Add($"{S}:{property}:{key}", "is not a CRM name (bitrix24, amocrm)");
        }
    }
}
