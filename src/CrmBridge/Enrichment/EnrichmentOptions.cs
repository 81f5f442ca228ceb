namespace CrmBridge.Enrichment;

internal sealed class EnrichmentOptions
{
    public const string Section = "Enrichment";

    public DaDataOptions DaData { get; set; } = new();
}

internal sealed class DaDataOptions
{
    public string BaseUrl { get; set; } = "https://suggestions.dadata.ru";

    /// <summary>API token. A secret: environment only. Empty turns the provider off.</summary>
    public string? Token { get; set; }
}
