namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoNewNote(long EntityId, string NoteType, AmoNoteParams Params);
