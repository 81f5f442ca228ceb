namespace CrmBridge.AmoCrm.Api;

// Tasks (/api/v4/tasks): read, and the task CrmBridge adds.

/// <summary>A task; task_type_id 1 is a call / follow-up, 2 a meeting. "result" is left out: it is [] when empty.</summary>
internal sealed record AmoTask(
    long Id,
    bool IsCompleted,
    long CompleteTill,
    long CreatedAt,
    long UpdatedAt,
    long? ResponsibleUserId = null,
    long? EntityId = null,
    string? EntityType = null,
    long? TaskTypeId = null,
    string? Text = null)
{
    public const long CallType = 1;
    public const long MeetingType = 2;
}

internal sealed record AmoNewTask(string Text, long CompleteTill, long EntityId, string EntityType, long TaskTypeId, long ResponsibleUserId);
