using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>
/// The Store: the normalized copy of every configured CRM, plus the bot's own state.
/// Implemented over one LiteDB file; only Storage/ touches LiteDB.
/// </summary>
internal interface ICrmStore
{
    /// <summary>Rows handed to the Store per CRM since it was opened: the progress of a load.</summary>
    RowMeter Rows { get; }

    ICompanyRepository Companies { get; }

    IRecordRepository<Person> Persons { get; }

    IRecordRepository<Deal> Deals { get; }

    IRecordRepository<Activity> Activities { get; }

    IRecordRepository<Manager> Managers { get; }

    IRecordRepository<Pipeline> Pipelines { get; }

    IRecordRepository<StageChange> StageChanges { get; }

    IRecordRepository<OwnerChange> OwnerChanges { get; }

    CheckpointStore Checkpoints { get; }

    IKeyValueStore Values { get; }

    EnrichmentCache Enrichment { get; }

    AuditLog Audit { get; }

    /// <summary>Companies whose records changed since the rules last evaluated them.</summary>
    ChangedCompanies Changed { get; }

    /// <summary>Account numbers of stored keys.</summary>
    AccountCodes Accounts { get; }

    /// <summary>Each evaluated company's next due moment, indexed.</summary>
    DueCompanies Due { get; }

    /// <summary>Everything the pure core needs, in one snapshot.</summary>
    ClientBase LoadClientBase();

    /// <summary>The cards with these stored keys, their INN groups, and what the rules read about them.</summary>
    ClientBase LoadClientBase(IReadOnlyCollection<string> companyKeys);

    /// <summary>The stored stage history of these deals.</summary>
    IReadOnlyList<StageChange> StageChangesOf(IReadOnlyCollection<CrmRef> deals);

    /// <summary>Runs a unit of work (a page and its checkpoint) in one transaction; nested calls join it.</summary>
    void InTransaction(Action work);
}
