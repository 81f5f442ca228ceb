namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoNote(
    long Id,
    long EntityId,
    string NoteType,
    long? ResponsibleUserId,
    long? CreatedBy,
    long CreatedAt,
    long UpdatedAt,
    AmoNoteParams? Params)
{
    public const string CallIn = "call_in";
    public const string CallOut = "call_out";
    public const string Common = "common";
}
