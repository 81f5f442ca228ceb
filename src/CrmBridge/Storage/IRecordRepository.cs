using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>Records of one kind, keyed by <see cref="CrmRef"/>: a record read twice is stored once.</summary>
internal interface IRecordRepository<T>
    where T : class, IRecord
{
    /// <summary>Inserts or replaces each record by its reference; returns how many were new or changed.</summary>
    int Upsert(IEnumerable<T> records);

    /// <summary>
    /// Stores records none of which is stored yet (a full load into an account that held nothing when it began):
    /// no stored copy is looked up. A record that is stored after all fails the whole batch with
    /// <see cref="AlreadyStoredException"/>, and nothing of the batch is written.
    /// </summary>
    int Insert(IEnumerable<T> records) => Upsert(records);

    /// <summary>
    /// Reads the stored records of these references (those that exist), lets <paramref name="revise"/> make the copies
    /// to store, and upserts them: one look-up serves both, in one transaction.
    /// </summary>
    int Revise(IReadOnlyCollection<CrmRef> references, Func<IReadOnlyDictionary<CrmRef, T>, IEnumerable<T>> revise)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(revise);
        var stored = references.Distinct().Select(r => (Ref: r, Record: Find(r))).Where(p => p.Record is not null).ToDictionary(p => p.Ref, p => p.Record!);
        return Upsert(revise(stored));
    }

    /// <summary>Whether anything of this account is stored here (a record, or a document with another writer's fields only).</summary>
    bool HoldsAny(CrmKind crm, string account) => ByAccount(crm, account).Count > 0;

    T? Find(CrmRef reference);

    IReadOnlyList<T> All();

    /// <summary>Records of one CRM account, e.g. to reconcile ids against the CRM.</summary>
    IReadOnlyList<T> ByAccount(CrmKind crm, string account);

    int Count();
}
