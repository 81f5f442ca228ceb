using CrmBridge.Storage;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// One list's pass in a tick: the plan, the query (with the change filter of an incremental pass), where it resumes,
/// and the checkpoint it moves as its pages are stored.
/// </summary>
internal sealed class ListPass(EntityPlan plan, ListQuery query, string? resumeFrom, SyncCheckpoint checkpoint, bool incremental, DateTimeOffset startedAt)
{
    public EntityPlan Plan => plan;

    public ListQuery Query => query;

    /// <summary>The last ID stored by an interrupted pass; null reads from the start.</summary>
    public string? ResumeFrom => resumeFrom;

    public bool Incremental => incremental;

    public DateTimeOffset StartedAt => startedAt;

    public SyncCheckpoint Checkpoint { get; set; } = checkpoint;

    public int Stored { get; set; }

    /// <summary>
    /// The pass reads a list in full from its first row into an account the Store held nothing of: its records are
    /// inserted without looking for stored copies, until a page meets one after all.
    /// </summary>
    public bool NothingStored { get; set; }
}
