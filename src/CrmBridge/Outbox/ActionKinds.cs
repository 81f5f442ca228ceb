namespace CrmBridge.Outbox;

/// <summary>Kinds of outbox actions; the names appear in reports. <see cref="Of"/> says how each may be retried.</summary>
internal static class ActionKinds
{
    public const string TelegramMessage = "telegram.message";
    public const string TelegramDocument = "telegram.document";

    /// <summary>A chart (PNG) sent on its own, so a failed text after it never resends the picture.</summary>
    public const string TelegramPhoto = "telegram.photo";

    public const string CrmReassign = "crm.reassign";
    public const string CrmComment = "crm.comment";
    public const string CrmTask = "crm.task";

    /// <summary>Write registry values into empty CRM fields; opt-in by Enrichment:WriteBackEmptyFields.</summary>
    public const string CrmFillEmptyFields = "crm.fill-empty-fields";

    /// <summary>How an action of <paramref name="kind"/> may be repeated when its outcome is unknown.</summary>
    public static ActionKind Of(string kind) => kind switch
    {
        // Setting an owner or filling fields that are still empty (re-read first) gives the same card when done twice.
        CrmFillEmptyFields => new(kind, IsIdempotent: true, CarriesMarker: false),

        // Adds are not idempotent; they carry the [cb:…] marker of their key and look for it before writing again.
        // A reassignment adds its comment after the owner change, so it is marked too.
        CrmReassign or CrmComment or CrmTask => new(kind, IsIdempotent: false, CarriesMarker: true),

        // Telegram has no idempotency key: a message whose send may have landed is listed, never resent blindly.
        _ => new(kind, IsIdempotent: false, CarriesMarker: false),
    };
}
