namespace CrmBridge.AmoCrm.Api;

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
