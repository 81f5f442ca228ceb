using System.CommandLine;
using System.Globalization;
using CrmBridge.Hosting;
using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox.Bench;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// `crmbridge bench [--companies N] [--small-companies N] [--core-companies N] [--only sync|core] [--report FILE.json]`:
/// full loads from the sandbox at the vendors' limits, worker ticks (nothing changed, 1 % changed) over a small and a
/// large base, the Store's bytes a record, and the core over a million companies; a summary against the aims and the
/// details on stdout, progress on stderr, JSON in the report file (default reports/bench.json).
/// </summary>
internal static class BenchVerb
{
    public const string DefaultReport = "reports/bench.json";

    public static Command Create(CliContext cli)
    {
        // Values are read as text and checked below, so a bad one gets the range in words, not a parser's type name.
        Option<string?>[] options =
        [
            new("--companies") { Description = "companies in the large base, both CRMs together (80 % Bitrix24; default 20,000)", HelpName = "N" },
            new("--small-companies") { Description = "companies in the small base the ticks are compared with (default 2,000)", HelpName = "N" },
            new("--core-companies") { Description = "companies for the pure core's timing", HelpName = "N" },
            new("--only") { Description = "run one part: sync or core", HelpName = "sync|core" },
            new("--report") { Description = $"the JSON report (default {DefaultReport})", HelpName = "FILE.json" },
        ];
        var command = new Command("bench", "full loads at the vendors' limits, worker ticks at two base sizes, state bytes a record, and the core over a million companies");
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(name => parse.GetValue(options.Single(o => o.Name == name)), cli.Output, cli.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(Func<string, string?> args, TextWriter output, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (!TryRead(args, out var settings, out var problem))
        {
            await output.WriteLineAsync($"crmbridge bench: {problem}");
            await output.WriteLineAsync("Usage: crmbridge bench [--companies N] [--small-companies N] [--core-companies N] [--only sync|core] [--report FILE.json]");
            return ExitCodes.Usage;
        }

        var report = await BenchRunner.RunAsync(settings, progress, ct);
        await output.WriteAsync(BenchTable.Render(report));
        var path = args("--report") ?? DefaultReport;
        await BenchRunner.WriteJsonAsync(report, path, ct);
        await output.WriteLineAsync($"Report: {path}");
        return ExitCodes.Ok;
    }

    private static bool TryRead(Func<string, string?> args, out BenchSettings settings, out string problem)
    {
        settings = new BenchSettings
        {
            Now = TruncatedNow(),
            MachineNote = $"Wall clock on this machine while other work may run on it ({Environment.ProcessorCount} cores shared): figures are a floor, not a ceiling.",
        };
        problem = "";
        if (!TryCount(args, "--companies", BenchSettings.MinCompanies, SamplePortalSpec.MaxSize, settings.Companies, out var companies, ref problem)
            || !TryCount(args, "--small-companies", BenchSettings.MinCompanies, SamplePortalSpec.MaxSize, settings.SmallCompanies, out var smallCompanies, ref problem)
            || !TryCount(args, "--core-companies", SamplePortalSpec.MinSize, SamplePortalSpec.MaxSize, settings.CoreCompanies, out var coreCompanies, ref problem))
        {
            return false;
        }

        var only = args("--only")?.ToLowerInvariant();
        if (only is not (null or "sync" or "core"))
        {
            problem = $"--only must be sync or core, not '{only}'.";
            return false;
        }

        if (smallCompanies >= companies)
        {
            problem = $"--small-companies ({smallCompanies.ToString("N0", CultureInfo.InvariantCulture)}) must be fewer than --companies ({companies.ToString("N0", CultureInfo.InvariantCulture)}).";
            return false;
        }

        settings = settings with { Companies = companies, SmallCompanies = smallCompanies, CoreCompanies = coreCompanies, RunSync = only is null or "sync", RunCore = only is null or "core" };
        return true;
    }

    private static bool TryCount(Func<string, string?> args, string name, int min, int max, int fallback, out int value, ref string problem)
    {
        value = fallback;
        var text = args(name);
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        problem = $"{name} must be a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}, not '{text}'.";
        return false;
    }

    private static DateTimeOffset TruncatedNow()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3));
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }
}
