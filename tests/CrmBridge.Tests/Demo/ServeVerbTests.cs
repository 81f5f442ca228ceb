using System.Text.RegularExpressions;
using CrmBridge.Hosting;
using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;

namespace CrmBridge.Tests.Demo;

/// <summary>
/// `crmbridge-sandbox serve` lets a new user walk "Connect your portal" on the sandbox: the file it writes holds only
/// what an admin sets for a real portal, and `setup` run with exactly those settings finds the pool and the chats.
/// </summary>
public sealed partial class ServeVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"crmbridge-serve-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_written_connection_settings_are_enough_for_setup_to_find_the_pool_the_inn_field_and_the_chats()
    {
        var envFile = Path.Combine(_folder, "sandbox.env");
        using var output = new StringWriter();
        string setupOutput = "";
        var setupCode = -1;
        Dictionary<string, string> exported = [];

        var code = await ServeVerb.RunAsync(200, 5, envFile, output, async sandbox =>
        {
            exported = File.ReadAllLines(envFile).Where(l => !l.StartsWith('#')).Select(Parse).ToDictionary(p => p.Key, p => p.Value);
            var switches = exported.Select(p => $"--{p.Key}={p.Value}").Where(s => !s.StartsWith("--Storage:Path=", StringComparison.Ordinal));
            using var setup = new StringWriter();
            using var error = new StringWriter();
            setupCode = await CommandLine.RunAsync(["setup", "--no-color", $"--Storage:Path={Path.Combine(_folder, "state.db")}", .. switches], setup, error, CancellationToken.None);
            setupOutput = setup + error.ToString();
        }, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"source {envFile}", output.ToString(), StringComparison.Ordinal);
        // Only connection settings: nothing setup is there to propose.
        Assert.DoesNotContain(exported.Keys, k => k.StartsWith("People:", StringComparison.Ordinal) || k.Contains("Field", StringComparison.Ordinal) || k.StartsWith("Kpi:", StringComparison.Ordinal));
        Assert.Contains("Bitrix24:WebhookUrl", exported.Keys);
        Assert.Contains("AmoCrm:AccessToken", exported.Keys);
        Assert.True(setupCode == ExitCodes.Ok, setupOutput);
        Assert.Contains("pool candidate: Свободная база", setupOutput, StringComparison.Ordinal);
        Assert.Contains("AmoCrm:InnFieldId = 900102", setupOutput, StringComparison.Ordinal);
        Assert.Contains(DemoConfiguration.HeadChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), setupOutput, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envFile));
        }
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("serve")]
    public async Task A_portal_size_out_of_range_is_one_usage_line_naming_the_range_and_starts_nothing(string verb)
    {
        var envFile = Path.Combine(_folder, "sandbox.env");
        using var output = new StringWriter();
        using var error = new StringWriter();

        string[] args = verb == "serve" ? [verb, "--size", "5", "--env-file", envFile] : [verb, "--size", "5"];

        var code = await ToolingCommandLine.RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--size must be from", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox on", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(envFile));
    }

    private static KeyValuePair<string, string> Parse(string line)
    {
        var match = ExportLine().Match(line);
        Assert.True(match.Success, $"not a shell export: {line}");
        return new(match.Groups["key"].Value.Replace("__", ":", StringComparison.Ordinal), match.Groups["value"].Value);
    }

    [GeneratedRegex("^export CRMBRIDGE_(?<key>[A-Za-z0-9_]+)='(?<value>[^']*)'$")]
    private static partial Regex ExportLine();
}
