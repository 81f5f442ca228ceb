namespace CrmBridge.Bitrix24;

internal sealed class Bitrix24Options
{
    public const string Section = "Bitrix24";

    /// <summary>Inbound webhook https://PORTAL/rest/USER_ID/SECRET/; empty turns Bitrix24 off. A secret: environment only.</summary>
    public string? WebhookUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>Picks the leaky-bucket defaults; RequestsPerSecond and Burst override them when set.</summary>
    public Bitrix24Plan Plan { get; set; } = Bitrix24Plan.Standard;

    /// <summary>Drain rate of the leaky bucket; null = the plan's (2, Enterprise 5).</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>Bucket size before the portal answers QUERY_LIMIT_EXCEEDED; null = the plan's (50, Enterprise 250).</summary>
    public int? Burst { get; set; }

    /// <summary>Per-method execution time the portal allows in its 10-minute window.</summary>
    public TimeSpan OperatingLimit { get; set; } = TimeSpan.FromSeconds(480);

    /// <summary>Share of <see cref="OperatingLimit"/> past which a method waits for operating_reset_at.</summary>
    public double OperatingSlowdownShare { get; set; } = 0.8;

    /// <summary>A company field (UF_CRM_*) holding the INN, read besides the requisites; empty = none.</summary>
    public string? InnField { get; set; }

    /// <summary>
    /// A company date field (UF_CRM_*) holding the day a postponed card returns to work; empty = none. When set, the
    /// portal's value wins over the Store's: clearing the date in the CRM un-postpones the card.
    /// </summary>
    public string? PostponedUntilField { get; set; }

    /// <summary>A company field (UF_CRM_*) holding why the card is postponed; empty = none.</summary>
    public string? PostponeReasonField { get; set; }

    /// <summary>A contact field (UF_CRM_*) marking a decision-maker (Y/1/true); empty = decide by position.</summary>
    public string? DecisionMakerField { get; set; }

    /// <summary>A deal field (UF_CRM_*) holding why a lost deal was lost (text, or a list item's id); empty = none.</summary>
    public string? LossReasonField { get; set; }

    /// <summary>A deal field (UF_CRM_*) holding the deal's margin (number or money "1000|RUB"); empty = no margin, so ABCDE says "no margin data".</summary>
    public string? MarginField { get; set; }

    /// <summary>A company field (UF_CRM_*) whose values Kpi:Clients:StatusFieldValues map to Partner or VIP; empty = none.</summary>
    public string? StatusField { get; set; }

    /// <summary>Position fragments (case-insensitive) that make a contact a decision-maker.</summary>
    public IList<string> DecisionMakerPositions { get; } = [];

    /// <summary>Incremental reads start this long before the checkpoint so clock skew loses nothing.</summary>
    public TimeSpan SyncOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often all ids are compared with the Store to find deleted cards.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>One attempt of an HTTP request (a timeout is retried like any transient fault); the portal itself stops a request at 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(70);

    /// <summary>Retries of a failed read (and of a write the portal surely did not execute).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Retries all requests of one sync tick may spend together; past it Bitrix24 rests until the next tick.</summary>
    public int RetryBudgetPerTick { get; set; } = 100;

    /// <summary>First retry delay of the exponential backoff with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Chained list commands per batch request (the portal allows 50).</summary>
    public int BatchSize { get; set; } = 50;

    public double EffectiveRequestsPerSecond => RequestsPerSecond ?? (Plan == Bitrix24Plan.Enterprise ? 5 : 2);

    public int EffectiveBurst => Burst ?? (Plan == Bitrix24Plan.Enterprise ? 250 : 50);
}
