using CrmBridge.Foundation;
using CrmBridge.Hosting;
using CrmBridge.Tests.Support;

namespace CrmBridge.Tests.Hosting;

[Collection(ProcessEnvironmentTests.Name)]
public sealed class ConfigurationLayeringTests
{
    [Fact]
    public void The_command_line_overrides_environment_and_file()
    {
        Environment.SetEnvironmentVariable("CRMBRIDGE_Schedule__TimeZone", "Asia/Yekaterinburg");
        try
        {
            using var fromEnvironment = CrmBridgeHost.Build([]);
            using var fromCommandLine = CrmBridgeHost.Build(["--Schedule:TimeZone=Asia/Vladivostok"]);

            Assert.Equal("Asia/Yekaterinburg", Zone(fromEnvironment));
            Assert.Equal("Asia/Vladivostok", Zone(fromCommandLine));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CRMBRIDGE_Schedule__TimeZone", null);
        }
    }

    private static string Zone(Microsoft.Extensions.Hosting.IHost host) =>
        ((PortalTimeZone)host.Services.GetService(typeof(PortalTimeZone))!).Zone.Id;
}
