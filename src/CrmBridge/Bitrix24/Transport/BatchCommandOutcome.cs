using System.Text.Json;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>One command's result (with the list's total when the portal counted it), or the exception its error maps to.</summary>
internal sealed record BatchCommandOutcome(BatchCommand Command, JsonElement? Result, Exception? Error)
{
    public long? Total { get; init; }
}
