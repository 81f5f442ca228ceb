namespace CrmBridge.AmoCrm.Api;

/// <summary>A task; task_type_id 1 is a call / follow-up, 2 a meeting. "result" is left out: it is [] when empty.</summary>
internal sealed record AmoTask(
    long Id,
    long? ResponsibleUserId,
    long? EntityId,
    string? EntityType,
    bool IsCompleted,
    long? TaskTypeId,
    string? Text,
    long CompleteTill,
    long CreatedAt,
    long UpdatedAt)
{
    public const long CallType = 1;
    public const long MeetingType = 2;
}
