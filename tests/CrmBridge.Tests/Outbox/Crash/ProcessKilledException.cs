namespace CrmBridge.Tests.Outbox.Crash;

/// <summary>The simulated kill -9: nothing after it reaches the store or the network.</summary>
internal sealed class ProcessKilledException : Exception
{
    public ProcessKilledException(string where)
        : base($"process killed at: {where}")
    {
    }

    public ProcessKilledException()
    {
    }

    public ProcessKilledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
