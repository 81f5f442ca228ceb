using CrmBridge.Foundation;
using CrmBridge.Hosting;

namespace CrmBridge.Tests.Hosting;

public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Schedule:SyncCron", "0 0 25 * * ?", "Schedule:SyncCron: '0 0 25 * * ?' is not a valid Quartz cron expression")]
    [InlineData("Schedule:DigestCron", "every morning", "Schedule:DigestCron: 'every morning' is not a valid Quartz cron expression")]
    [InlineData("Schedule:DigestCron", "", "Schedule:DigestCron: is empty")]
    [InlineData("Schedule:TimeZone", "Mars/Olympus", "Schedule:TimeZone: 'Mars/Olympus' is not a known time zone")]
    [InlineData("DryRun", "sometimes", "DryRun: 'sometimes' is not a valid true/false value")]
    public void An_invalid_setting_stops_start_up_with_one_line_naming_the_key(string key, string value, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => CrmBridgeHost.Build([], overrides: new Dictionary<string, string?> { [key] = value }));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Defaults_are_valid_so_a_fresh_install_starts()
    {
        using var host = CrmBridgeHost.Build([]);

        Assert.NotNull(host);
    }
}
