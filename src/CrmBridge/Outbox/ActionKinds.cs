namespace CrmBridge.Outbox;

/// <summary>Kinds of outbox actions; the names appear in reports.</summary>
internal static class ActionKinds
{
    public const string TelegramMessage = "telegram.message";
    public const string TelegramDocument = "telegram.document";
    public const string CrmReassign = "crm.reassign";
    public const string CrmComment = "crm.comment";
    public const string CrmTask = "crm.task";

    /// <summary>Write registry values into empty CRM fields; opt-in by Enrichment:WriteBackEmptyFields.</summary>
    public const string CrmFillEmptyFields = "crm.fill-empty-fields";
}
