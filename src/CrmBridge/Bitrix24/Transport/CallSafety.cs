namespace CrmBridge.Bitrix24.Transport;

/// <summary>Whether a call may be repeated after an ambiguous failure (timeout, 5xx, broken connection).</summary>
internal enum CallSafety
{
    /// <summary>Reads and idempotent writes (setting an owner): retried on any transient failure.</summary>
    Idempotent,

    /// <summary>Adds (a comment, a to-do): retried only when the portal says it did not run the method.</summary>
    NotIdempotent,
}
