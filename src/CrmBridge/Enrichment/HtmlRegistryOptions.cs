namespace CrmBridge.Enrichment;

internal sealed class HtmlRegistryOptions
{
    /// <summary>
    /// A JSON file describing the registry page: URL template with {inn} and a CSS selector per field.
    /// Empty turns the HTML provider off.
    /// </summary>
    public string? ConfigPath { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool Enabled => !string.IsNullOrWhiteSpace(ConfigPath);
}
