namespace CrmBridge.Outbox;

internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Executions that provably did not go through before a message is given up; CRM writes retry until they succeed or fail for good.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; doubled for each further one, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A service's wait hint (Telegram retry_after) up to this long is waited out within the same pass.</summary>
    public TimeSpan MaxHintWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times one pass waits for such hints before leaving the rest to the next tick.</summary>
    public int MaxWaitRounds { get; set; } = 5;
}
