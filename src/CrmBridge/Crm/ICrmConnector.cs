using CrmBridge.Core.Model;
using CrmBridge.Outbox;

namespace CrmBridge.Crm;

/// <summary>One configured CRM account: reads it into the Store and writes back what the outbox asks.</summary>
internal interface ICrmConnector
{
    CrmKind Crm { get; }

    /// <summary>Portal host or amoCRM subdomain host; never contains a secret.</summary>
    string Account { get; }

    /// <summary>Reads what changed since the checkpoints (everything on the first run) into the Store.</summary>
    Task<SyncSummary> SyncAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="SyncAsync(CancellationToken)"/>; <paramref name="full"/> = the tick evaluates everything (asked
    /// for, or the weekly full), so lists a quiet tick skips (amoCRM's users and pipelines) are read as well.
    /// </summary>
    Task<SyncSummary> SyncAsync(bool full, CancellationToken cancellationToken) => SyncAsync(cancellationToken);

    /// <summary>A link to the card for messages.</summary>
    Uri CardUrl(CrmRef company);

    Task ReassignCompanyAsync(CrmRef company, string newOwnerId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a comment (note) carrying <paramref name="marker"/>; when <see cref="WriteMarker.CheckFirst"/>, the card's
    /// recent comments are searched for the marker first and nothing is written if it is there.
    /// </summary>
    Task AddCommentAsync(CrmRef company, string text, WriteMarker marker, CancellationToken cancellationToken);

    /// <summary>Adds a task (to-do) carrying <paramref name="marker"/>, checked for first like a comment.</summary>
    Task AddTaskAsync(CrmRef company, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken);

    /// <summary>
    /// Writes neutral legal fields ("KPP", "OGRN") into the card only where they are still empty, after re-reading it,
    /// so a retry or a value entered by a person since the plan is never overwritten. When <paramref name="inn"/> is
    /// given, the values go only to the legal details that carry that INN.
    /// </summary>
    Task FillEmptyCompanyFieldsAsync(CrmRef company, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken);
}
