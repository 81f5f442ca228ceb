namespace CrmBridge.Hosting;

/// <summary>
/// What the command line hands to the configuration: the <c>--Section:Key=value</c> switches and the optional
/// <c>--config FILE</c> layered over config/appsettings.json.
/// </summary>
internal sealed record HostArguments(IReadOnlyList<string> Switches, string? ConfigFile);
