using System.Diagnostics;
using System.Globalization;

namespace CrmBridge.Sandbox.Bench;

/// <summary>Prints rows stored so far and requests served every few seconds while a load runs.</summary>
internal sealed class LoadProgress : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _printing;

    private LoadProgress(TextWriter output, string label, long expectedRows, Func<long> rows, Func<long> requests, TimeSpan every)
    {
        var clock = Stopwatch.StartNew();
        _printing = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    var line = string.Format(
                        CultureInfo.InvariantCulture,
                        "  {0}: {1:N0} of ~{2:N0} rows, {3:N0} requests, {4:F0} s",
                        label,
                        rows(),
                        expectedRows,
                        requests(),
                        clock.Elapsed.TotalSeconds);
                    await output.WriteLineAsync(line);
                }
            }
            catch (OperationCanceledException)
            {
                // The load is over.
            }
        });
    }

    public static LoadProgress Start(TextWriter output, string label, long expectedRows, Func<long> rows, Func<long> requests, TimeSpan every) =>
        new(output, label, expectedRows, rows, requests, every);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _printing;
        _stop.Dispose();
    }
}
