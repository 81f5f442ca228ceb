using System.Diagnostics;
using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// Shows a cycle's progress to the person who started it: on a terminal, a live line per CRM with the rows read and
/// the rate plus the current step; otherwise (a file, a pipe, --no-color) one plain line per step.
/// </summary>
internal static class SyncProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    public static async Task<CycleResult> RunAsync(IAnsiConsole console, IServiceProvider services, Func<IProgress<string>, Task<CycleResult>> run)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        if (!console.IsLive())
        {
            return await run(new ImmediateProgress<string>(line => console.WriteLine(line)));
        }

        var meter = services.GetRequiredService<ICrmStore>().Rows;
        var crms = services.GetServices<ICrmConnector>().Select(c => c.Crm).Distinct().ToList();
        CycleResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var loads = crms.ToDictionary(crm => crm, crm => context.AddTask(Describe(crm, 0, TimeSpan.Zero)).IsIndeterminate());
                var step = context.AddTask("Starting…").IsIndeterminate();
                var clock = Stopwatch.StartNew();
                var running = run(new ImmediateProgress<string>(line => step.Description = Markup.Escape(line)));
                while (!running.IsCompleted)
                {
                    foreach (var (crm, task) in loads)
                    {
                        task.Description = Describe(crm, meter.Rows(crm), clock.Elapsed);
                    }

                    context.Refresh();
                    await Task.WhenAny(running, Task.Delay(Refresh, TimeProvider.System));
                }

                result = await running;
                foreach (var (crm, task) in loads)
                {
                    task.Description = Describe(crm, meter.Rows(crm), clock.Elapsed);
                    task.StopTask();
                }

                step.Description = "Done.";
                step.StopTask();
            });
        return result!;
    }

    private static string Describe(CrmKind crm, long rows, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0.5 ? rows / elapsed.TotalSeconds : 0;
        var name = crm == CrmKind.Bitrix24 ? "Bitrix24" : "amoCRM";
        return string.Create(CultureInfo.InvariantCulture, $"{name,-9} {rows,10:N0} rows  {rate,7:N0} rows/s");
    }

    /// <summary>Reports on the caller's thread, so step lines come out in order and before the summary.</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
