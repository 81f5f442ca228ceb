using CrmBridge.Outbox;

namespace CrmBridge.Tests.Outbox;

public sealed class OutboxOptionsValidatorTests
{
    private readonly OutboxOptionsValidator validator = new();

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(validator.Validate(null, new OutboxOptions()).Succeeded);
    }

    [Fact]
    public void Each_bad_setting_gets_one_line_naming_its_key()
    {
        var options = new OutboxOptions { MaxAttempts = 0, RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.FromSeconds(-1) };

        var failures = validator.Validate(null, options).Failures!;

        Assert.Equal(
            [
                "Outbox:MaxAttempts: must be at least 1, got 0",
                "Outbox:RetryBaseDelay: must be a positive time span such as 00:00:30, got 00:00:00",
                "Outbox:RetryMaxDelay: must not be shorter than Outbox:RetryBaseDelay (00:00:00), got -00:00:01",
            ],
            failures);
    }
}
