namespace CrmBridge.Storage;

internal interface IAuditLog
{
    void Append(AuditEntry entry);

    IReadOnlyList<AuditEntry> Recent(int count);
}
