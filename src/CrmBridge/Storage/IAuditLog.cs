namespace CrmBridge.Storage;

internal interface IAuditLog
{
    void Append(AuditEntry entry);

    /// <summary>The last <paramref name="count"/> entries, newest first.</summary>
    IReadOnlyList<AuditEntry> Recent(int count);

    /// <summary>Every entry about one action key, oldest first.</summary>
    IReadOnlyList<AuditEntry> ForAction(string actionKey);
}
