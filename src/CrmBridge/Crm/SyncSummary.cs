using CrmBridge.Core.Model;

namespace CrmBridge.Crm;

/// <summary>What one sync of one CRM account read and stored.</summary>
internal sealed record SyncSummary(
    CrmKind Crm,
    string Account,
    int Companies,
    int Persons,
    int Deals,
    int Activities,
    int Users,
    int Skipped,
    int Requests);
