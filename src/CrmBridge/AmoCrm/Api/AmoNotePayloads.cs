namespace CrmBridge.AmoCrm.Api;

// Notes (/api/v4/companies/notes): read, and the note CrmBridge adds.

internal sealed record AmoNote(
    long Id,
    long EntityId,
    string NoteType,
    long CreatedAt,
    long UpdatedAt,
    long? ResponsibleUserId = null,
    long? CreatedBy = null,
    AmoNoteParams? Params = null)
{
    public const string CallIn = "call_in";
    public const string CallOut = "call_out";
    public const string Common = "common";
    public const string Mail = "amomail_message";
}

/// <summary>Note params: "text" for a common note; phone, duration and call_result for call notes.</summary>
internal sealed record AmoNoteParams(string? Text = null, string? Phone = null, long? Duration = null, string? CallResult = null);

internal sealed record AmoNewNote(long EntityId, string NoteType, AmoNoteParams Params);
