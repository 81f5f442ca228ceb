namespace CrmBridge.Outbox;

/// <summary>Kinds of outbox actions; the names appear in reports.</summary>
internal static class ActionKinds
{
    public const string TelegramMessage = "telegram.message";
    public const string CrmReassign = "crm.reassign";
    public const string CrmComment = "crm.comment";
    public const string CrmTask = "crm.task";
}
