using Polly;

namespace CrmBridge.Crm.Retry;

/// <summary>What the retries of one request went through, for the line that reports how it ended.</summary>
internal sealed class RetryLedger
{
    public static readonly ResiliencePropertyKey<RetryLedger> Key = new("CrmBridge.RetryLedger");

    public int Retries { get; set; }

    /// <summary>The fault the last attempt ended in; null when it ended in a reply to keep.</summary>
    public TransientFault? Final { get; set; }

    /// <summary>The tick's retry budget ran out on this request.</summary>
    public bool BudgetSpent { get; set; }
}
