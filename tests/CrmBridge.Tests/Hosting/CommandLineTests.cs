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
        var (code, _, error) = await RunAsync("--Schedule:TimeZone=Nowhere/Land", "--help-not-a-flag=1");

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
        var parsed = VerbArguments.Parse(["once", "--dry-run", "--report", "out.json", "--Rules:CooldownDays=10", "--Schedule:TimeZone", "Europe/Samara"]);

        Assert.Equal("once", parsed.Verb);
        Assert.True(parsed.Has("--dry-run"));
        Assert.Equal("out.json", parsed.Value("--report"));
        Assert.Equal(["--Rules:CooldownDays=10", "--Schedule:TimeZone", "Europe/Samara"], parsed.ConfigurationArgs);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
