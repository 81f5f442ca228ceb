namespace CrmBridge.AmoCrm;

internal sealed class AmoCrmOptions
{
    public const string Section = "AmoCrm";

    /// <summary>https://SUBDOMAIN.amocrm.ru; empty turns amoCRM off.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>A long-lived token. A secret: environment only.</summary>
    public string? AccessToken { get; set; }

    public string? ClientId { get; set; }

    /// <summary>OAuth2 client secret. A secret: environment only.</summary>
    public string? ClientSecret { get; set; }

    public string? RedirectUri { get; set; }

    /// <summary>The vendor's documented ceiling is 7 requests a second; every call to the account shares it.</summary>
    public int RequestsPerSecond { get; set; } = 7;

    /// <summary>Retries of a 429 (and of reads failing transiently) before the tick gives up.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Retries all requests of one sync tick may spend together; past it amoCRM rests until the next tick.</summary>
    public int RetryBudgetPerTick { get; set; } = 100;

    /// <summary>
    /// One attempt of an HTTP request; a request that hangs longer is cut and retried like any transient fault (reads and
    /// the owner PATCH), instead of holding the whole tick and a rate slot.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First backoff delay; it doubles on each retry (with jitter). A Retry-After header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Incremental reads start this long before the checkpoint, so that clock skew loses nothing.</summary>
    public TimeSpan SyncOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Users and pipelines are read again at most this often on a quiet tick (sooner when a record names one the Store
    /// lacks, and on every full tick); 0 reads them every tick.
    /// </summary>
    public int ReferenceRefreshMinutes { get; set; } = 60;

    /// <summary>An OAuth access token is refreshed when it has less than this left.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The company custom field holding the INN (by id); when unset the legal-entity field's vat_id is used.</summary>
    public long? InnFieldId { get; set; }

    /// <summary>The company custom field holding the INN (by field code), if not chosen by id.</summary>
    public string? InnFieldCode { get; set; }

    public long? KppFieldId { get; set; }

    public string? KppFieldCode { get; set; }

    /// <summary>The company custom field holding the OGRN (by id); enrichment writes an empty OGRN only when a field is set.</summary>
    public long? OgrnFieldId { get; set; }

    public string? OgrnFieldCode { get; set; }

    /// <summary>
    /// The company date field (by id) holding the day a postponed card returns to work; unset = none. When set, the
    /// account's value wins: clearing the date in amoCRM un-postpones the card.
    /// </summary>
    public long? PostponedUntilFieldId { get; set; }

    /// <summary>The postponement date field by field code, if not chosen by id.</summary>
    public string? PostponedUntilFieldCode { get; set; }

    /// <summary>The company field (by id) holding why the card is postponed (text or a list value); unset = none.</summary>
    public long? PostponeReasonFieldId { get; set; }

    /// <summary>The postponement reason field by field code, if not chosen by id.</summary>
    public string? PostponeReasonFieldCode { get; set; }

    public bool ReadsPostponedUntil => PostponedUntilFieldId is not null || !string.IsNullOrWhiteSpace(PostponedUntilFieldCode);

    public bool ReadsPostponeReason => PostponeReasonFieldId is not null || !string.IsNullOrWhiteSpace(PostponeReasonFieldCode);

    /// <summary>A contact whose position contains one of these (case-insensitive) is a decision-maker.</summary>
    public IList<string> DecisionMakerPositions { get; } = [];

    /// <summary>Optional contact checkbox field marking a decision-maker explicitly.</summary>
    public long? DecisionMakerFieldId { get; set; }

    /// <summary>A lead (deal) numeric field holding the deal's margin; null = no margin, so ABCDE says "no margin data".</summary>
    public long? MarginFieldId { get; set; }

    /// <summary>A company field whose values Kpi:Clients:StatusFieldValues map to Partner or VIP; null = none.</summary>
    public long? StatusFieldId { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);

    public bool UsesLongLivedToken => !string.IsNullOrWhiteSpace(AccessToken);

    public Uri BaseUri => new(BaseUrl ?? throw new InvalidOperationException("AmoCrm:BaseUrl is not set."), UriKind.Absolute);

    /// <summary>The account as CrmRef and logs name it: the host, e.g. SUBDOMAIN.amocrm.ru.</summary>
    public string Account => BaseUri.Host;
}
