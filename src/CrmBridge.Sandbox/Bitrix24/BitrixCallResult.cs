namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>The outcome of one method call: a result value (with total/next for lists) or an error.</summary>
internal sealed record BitrixCallResult(object? Value, long? Total = null, long? Next = null, string? Error = null, string? ErrorDescription = null, int Status = 200)
{
    public bool IsError => Error is not null;

    /// <summary>select of the call, applied when rows are written.</summary>
    public IReadOnlyCollection<string> Select { get; init; } = [];

    public static BitrixCallResult Fail(int status, string error, string description) => new(null, Error: error, ErrorDescription: description, Status: status);
}
