using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>Records of one kind, keyed by <see cref="CrmRef"/>: a record read twice is stored once.</summary>
internal interface IRecordRepository<T>
    where T : class, IRecord
{
    /// <summary>Inserts or replaces each record by its reference; returns how many were new or changed.</summary>
    int Upsert(IEnumerable<T> records);

    T? Find(CrmRef reference);

    IReadOnlyList<T> All();

    /// <summary>Records of one CRM account, e.g. to reconcile ids against the CRM.</summary>
    IReadOnlyList<T> ByAccount(CrmKind crm, string account);

    int Count();
}
