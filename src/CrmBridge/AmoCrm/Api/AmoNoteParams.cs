namespace CrmBridge.AmoCrm.Api;

/// <summary>Note params: "text" for a common note; phone, duration and call_result for call notes.</summary>
internal sealed record AmoNoteParams(string? Text = null, string? Phone = null, long? Duration = null, string? CallResult = null);
