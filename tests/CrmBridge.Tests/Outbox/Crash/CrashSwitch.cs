namespace CrmBridge.Tests.Outbox.Crash;

/// <summary>
/// Numbers every step a dispatch takes (each outbox save, each write request before and after it reaches the server)
/// and "kills the process" at one of them: from then on every save and every request throws, so nothing more is
/// stored or sent, as after kill -9.
/// </summary>
internal sealed class CrashSwitch(int crashAt)
{
    private int steps;

    public bool Crashed { get; private set; }

    public int Steps => steps;

    /// <summary>Where the crash happened, for the failure message.</summary>
    public string? Where { get; private set; }

    public void Step(string where)
    {
        ThrowIfDead();
        if (Interlocked.Increment(ref steps) == crashAt)
        {
            Crashed = true;
            Where = where;
            throw new ProcessKilledException(where);
        }
    }

    public void ThrowIfDead()
    {
        if (Crashed)
        {
            throw new ProcessKilledException(Where ?? "dead");
        }
    }
}
