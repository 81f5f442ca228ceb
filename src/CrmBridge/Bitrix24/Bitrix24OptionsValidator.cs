using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Bitrix24;

/// <summary>Messages name the key, never the value: the webhook URL holds a secret.</summary>
internal sealed partial class Bitrix24OptionsValidator : IValidateOptions<Bitrix24Options>
{
    public ValidateOptionsResult Validate(string? name, Bitrix24Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!WebhookShape().IsMatch(options.WebhookUrl!.Trim()))
        {
            failures.Add("Bitrix24:WebhookUrl: expected https://PORTAL/rest/USER_ID/SECRET/ (an inbound webhook address)");
        }

        if (options.RequestsPerSecond is { } rate && (double.IsNaN(rate) || rate <= 0))
        {
            failures.Add("Bitrix24:RequestsPerSecond: must be a positive number");
        }

        if (options.Burst is < 1)
        {
            failures.Add("Bitrix24:Burst: must be at least 1");
        }

        if (options.OperatingSlowdownShare is <= 0 or > 1)
        {
            failures.Add("Bitrix24:OperatingSlowdownShare: must be in (0, 1]");
        }

        if (options.OperatingLimit <= TimeSpan.Zero)
        {
            failures.Add("Bitrix24:OperatingLimit: must be positive");
        }

        if (options.SyncOverlap < TimeSpan.Zero || options.SyncOverlap > TimeSpan.FromDays(1))
        {
            failures.Add("Bitrix24:SyncOverlap: must be between 00:00:00 and 1.00:00:00");
        }

        if (options.ReconcileInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("Bitrix24:ReconcileInterval: must be at least 00:01:00");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Bitrix24:Timeout: must be positive");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add("Bitrix24:MaxRetries: must be between 0 and 20");
        }

        if (options.RetryBudgetPerTick < 0)
        {
            failures.Add("Bitrix24:RetryBudgetPerTick: must be 0 (no retries) or more");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("Bitrix24:RetryBaseDelay: must not be negative");
        }

        if (options.BatchSize is < 1 or > 50)
        {
            failures.Add("Bitrix24:BatchSize: must be between 1 and 50");
        }

        if (!string.IsNullOrWhiteSpace(options.InnField) && !options.InnField.StartsWith("UF_", StringComparison.Ordinal))
        {
            failures.Add("Bitrix24:InnField: must name a user field (UF_CRM_...)");
        }

        CheckUserField(failures, nameof(options.DecisionMakerField), options.DecisionMakerField);
        CheckUserField(failures, nameof(options.PostponedUntilField), options.PostponedUntilField);
        CheckUserField(failures, nameof(options.PostponeReasonField), options.PostponeReasonField);
        CheckUserField(failures, nameof(options.LossReasonField), options.LossReasonField);
        CheckUserField(failures, nameof(options.MarginField), options.MarginField);
        CheckUserField(failures, nameof(options.StatusField), options.StatusField);
        if (!string.IsNullOrWhiteSpace(options.PostponedUntilField)
            && string.Equals(options.PostponedUntilField.Trim(), options.PostponeReasonField?.Trim(), StringComparison.Ordinal))
        {
            failures.Add("Bitrix24:PostponeReasonField: must differ from Bitrix24:PostponedUntilField (one holds the date, the other the reason)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUserField(List<string> failures, string key, string? field)
    {
        if (!string.IsNullOrWhiteSpace(field) && !field.Trim().StartsWith("UF_", StringComparison.Ordinal))
        {
            failures.Add($"Bitrix24:{key}: must name a user field (UF_CRM_...)");
        }
    }

    [GeneratedRegex(@"^https?://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9_.-]+)*/rest/\d+/[A-Za-z0-9_]+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex WebhookShape();
}
