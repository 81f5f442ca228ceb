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

    ICheckpointStore Checkpoints { get; }

    IKeyValueStore Values { get; }

    IEnrichmentCache Enrichment { get; }

    IAuditLog Audit { get; }

    /// <summary>Everything the pure core needs, in one snapshot.</summary>
    ClientBase LoadClientBase();
}
