namespace CrmBridge.Core.Dedupe;

/// <summary>Keys of <c>Finding.Data</c> for dedupe findings; reports and messages read them.</summary>
public static class DedupeDataKeys
{
    public const string Inn = "inn";
    public const string Kpp = "kpp";
    public const string Title = "title";
    public const string MasterRef = "masterRef";
    public const string MasterTitle = "masterTitle";
    public const string MasterKpp = "masterKpp";
    public const string MasterOwner = "masterOwner";
    public const string Reason = "reason";
    public const string OwnerConflict = "ownerConflict";
    public const string OtherOwner = "otherOwner";
    public const string Status = "status";
    public const string Matches = "matches";
}
