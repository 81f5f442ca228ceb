namespace CrmBridge.Enrichment;

internal sealed class DaDataOptions
{
    public string BaseUrl { get; set; } = "https://suggestions.dadata.ru";

    /// <summary>API token. A secret: environment only. Empty turns the provider off.</summary>
    public string? Token { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
