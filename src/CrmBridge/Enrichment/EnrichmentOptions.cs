namespace CrmBridge.Enrichment;

internal sealed class EnrichmentOptions
{
    public const string Section = "Enrichment";

    public DaDataOptions DaData { get; set; } = new();

    public HtmlRegistryOptions Html { get; set; } = new();

    /// <summary>How long a registry answer (found or not found) is trusted before it is asked again.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At most this many registry requests per sync tick; the rest wait for the next tick.</summary>
    public int LookupsPerTick { get; set; } = 100;

    /// <summary>A registry pauses after this many failures in a row (a success resets the count); 1 = at the first.</summary>
    public int PauseAfterFailures { get; set; } = 3;

    /// <summary>The polite rate towards a registry.</summary>
    public double RequestsPerSecond { get; set; } = 2;

    public CategoryCriteriaOptions CategoryCriteria { get; set; } = new();

    /// <summary>Queue updates of empty CRM fields (KPP, OGRN) from registry data through the outbox.</summary>
    public bool WriteBackEmptyFields { get; set; }
}
