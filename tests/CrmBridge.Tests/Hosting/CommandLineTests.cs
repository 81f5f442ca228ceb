using CrmBridge.Hosting.Cli;

namespace CrmBridge.Tests.Hosting;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("7707083893", 0, "INN 7707083893: valid, legal entity (10 digits)")]
    [InlineData("ИНН 7736-050-003", 0, "INN 7736050003: valid, legal entity (10 digits)")]
    [InlineData("500100732259", 0, "INN 500100732259: valid, sole trader (12 digits)")]
    [InlineData("7707083894", 1, "INN check digit at position 10 is 4, expected 3")]
    [InlineData("77070838", 1, "INN has 8 characters, expected 10 (legal entity) or 12 (sole trader)")]
    [InlineData("77O7083893", 1, "INN has a non-digit character 'O' at position 3")]
    public async Task Inn_says_what_the_number_is_or_exactly_why_it_is_invalid(string number, int exitCode, string expected)
    {
        var (code, output, _) = await RunAsync("inn", number);

        Assert.Equal(exitCode, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_prints_one_line_and_exits_non_zero_without_a_stack_trace()
    {
        var (code, _, error) = await RunAsync("--Schedule:TimeZone=Nowhere/Land");

        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("crmbridge: configuration error: Schedule:TimeZone: 'Nowhere/Land' is not a known time zone (use an IANA id such as Europe/Moscow)", line.TrimEnd());
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_refused_with_a_hint()
    {
        var (code, _, error) = await RunAsync("frobnicate");

        Assert.Equal(64, code);
        Assert.Contains("unknown command 'frobnicate'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_switches_are_separated_from_verb_options()
    {
        var (switches, verbArgs) = ConfigurationSwitches.Split(["once", "--dry-run", "--report", "out.json", "--Rules:CooldownDays=10", "--Schedule:TimeZone", "Europe/Samara", "--DryRun=false"]);

        Assert.Equal(["once", "--dry-run", "--report", "out.json"], verbArgs);
        Assert.Equal(["--Rules:CooldownDays=10", "--Schedule:TimeZone", "Europe/Samara", "--DryRun=false"], switches);
    }

    [Fact]
    public async Task An_unknown_switch_on_a_verb_is_an_error_naming_it()
    {
        var (code, output, error) = await RunAsync("dedupe", "--out", "x.csv");

        Assert.Equal(64, code);
        Assert.Contains("crmbridge dedupe:", error, StringComparison.Ordinal);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.Contains("Try 'crmbridge dedupe --help'.", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Help_is_generated_for_the_tool_and_for_each_verb()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var verb in new[] { "once", "digest", "dedupe", "inn", "amocrm-auth", "--config" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }

        var (onceCode, once, _) = await RunAsync("once", "--help");
        Assert.Equal(0, onceCode);
        Assert.Contains("--dry-run", once, StringComparison.Ordinal);
        Assert.Contains("--report", once, StringComparison.Ordinal);
        Assert.Contains("--config", once, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_value_is_named()
    {
        var (code, _, error) = await RunAsync("amocrm-auth");

        Assert.Equal(64, code);
        Assert.Contains("--code", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "does not exist")]
    [InlineData("{ \"Rules\": { \"CooldownDays\": 10 ", "is not valid JSON (line 1")]
    [InlineData("[1, 2]", "is JSON but not an object of settings")]
    public async Task A_config_file_that_is_missing_or_not_json_is_one_line_and_exit_2(string? content, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmbridge-config-{Guid.NewGuid():N}.json");
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        try
        {
            var (code, _, error) = await RunAsync("dedupe", "--config", path);

            Assert.Equal(2, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"crmbridge: configuration error: --config: {path} {expected}", line.TrimEnd()[..$"crmbridge: configuration error: --config: {path} {expected}".Length]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_config_file_is_layered_over_appsettings_and_switches_still_win()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmbridge-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "Schedule": { "TimeZone": "Mars/Base" }, "Rules": { "CooldownDays": -4 } }""");
        try
        {
            // The file's bad zone is reported (so the file was read) ...
            var (code, _, error) = await RunAsync("dedupe", "--config", path, "--Rules:CooldownDays=10");
            Assert.Equal(2, code);
            Assert.Contains("Schedule:TimeZone: 'Mars/Base'", error, StringComparison.Ordinal);

            // ... and the switch beat the file's negative cooldown, which would otherwise be a second problem.
            Assert.DoesNotContain("CooldownDays", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
