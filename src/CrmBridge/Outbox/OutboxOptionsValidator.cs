using Microsoft.Extensions.Options;

namespace CrmBridge.Outbox;

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxAttempts < 1)
        {
            failures.Add($"Outbox:MaxAttempts: must be at least 1, got {options.MaxAttempts}");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"Outbox:RetryBaseDelay: must be a positive time span such as 00:00:30, got {options.RetryBaseDelay}");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"Outbox:RetryMaxDelay: must not be shorter than Outbox:RetryBaseDelay ({options.RetryBaseDelay}), got {options.RetryMaxDelay}");
        }

        if (options.MaxHintWait < TimeSpan.Zero)
        {
            failures.Add($"Outbox:MaxHintWait: cannot be negative, got {options.MaxHintWait}");
        }

        if (options.MaxWaitRounds is < 0 or > 100)
        {
            failures.Add($"Outbox:MaxWaitRounds: must be between 0 and 100, got {options.MaxWaitRounds}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
