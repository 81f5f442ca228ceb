using System.Diagnostics;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// Peak memory over one measured step: the managed heap and the working set sampled every 20 milliseconds, and on
/// Linux the kernel's own peak resident set (VmHWM), reset at the start so earlier steps do not count.
/// </summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakHeap;
    private long _peakWorkingSet;
    private int _stopped;

    private PeakMemory()
    {
        ResetKernelPeak();
        Sample();
        _sampling = Task.Run(SampleAsync);
    }

    public long PeakHeapBytes => Interlocked.Read(ref _peakHeap);

    /// <summary>The larger of the sampled working set and the kernel's peak since the reset.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return Math.Max(Interlocked.Read(ref _peakWorkingSet), process.PeakWorkingSet64);
        }
    }

    public static PeakMemory Start() => new();

    /// <summary>Ends sampling; the peaks stay readable. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _sampling;
        Sample();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        // Each sample reads /proc; every 20 ms keeps that out of the measured CPU, and the kernel's VmHWM catches what falls between.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // The step is over.
        }
    }

    private void Sample()
    {
        Max(ref _peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        Max(ref _peakWorkingSet, Environment.WorkingSet);
    }

    private static void Max(ref long peak, long value)
    {
        var seen = Interlocked.Read(ref peak);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref peak, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>"5" in /proc/self/clear_refs resets VmHWM to the current RSS (Linux 4.0+); elsewhere sampling alone counts.</summary>
    private static void ResetKernelPeak()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not allowed here (some containers): the sampled working set is the figure.
        }
    }
}
