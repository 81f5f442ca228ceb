using System.Text.Json;
using CrmBridge.Bitrix24.Api;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// Matches batch results and errors to commands. Errors may be keyed by command or, as a real portal sent,
/// a keyless list (shared/samples/bitrix24-batch.real-mixed-errors.response.json): those go, in order, to the
/// commands that have neither a result nor a keyed error.
/// </summary>
internal static class BatchReplyReader
{
    public static BatchReply Read(string host, IReadOnlyList<BatchCommand> commands, BitrixBatchResult result, OperatingBudget budget)
    {
        var keyless = new Queue<JsonElement>(result.Errors.Keyless);
        var outcomes = new List<BatchCommandOutcome>(commands.Count);
        foreach (var command in commands)
        {
            if (result.Times.Keyed.TryGetValue(command.Key, out var timeBlock) && timeBlock.ValueKind == JsonValueKind.Object)
            {
                budget.Observe(command.Method, timeBlock.Deserialize<BitrixTime>(BitrixJson.Options));
            }

            if (result.Result.Keyed.TryGetValue(command.Key, out var value))
            {
                outcomes.Add(new BatchCommandOutcome(command, value, null) { Total = TotalOf(result, command.Key) });
            }
            else if (result.Errors.Keyed.TryGetValue(command.Key, out var keyedError))
            {
                outcomes.Add(Failed(host, command, keyedError));
            }
            else if (keyless.Count > 0)
            {
                outcomes.Add(Failed(host, command, keyless.Dequeue()));
            }
            else
            {
                outcomes.Add(new BatchCommandOutcome(command, null, new Bitrix24Exception($"Bitrix24 portal {host}: batch returned nothing for {command.Method}.")));
            }
        }

        return new BatchReply(outcomes);
    }

    /// <summary>
    /// The inner "result" of a batch reply, its maps read in place from the parsed reply (each may be {} or [], see
    /// <see cref="KeyedOrListConverter"/>): no second serialization of megabytes of rows.
    /// </summary>
    public static BitrixBatchResult Envelope(JsonElement root)
    {
        if (!root.TryGetProperty("result", out var inner) || inner.ValueKind != JsonValueKind.Object)
        {
            return new BitrixBatchResult();
        }

        return new BitrixBatchResult
        {
            Result = Keyed(inner, "result"),
            Errors = Keyed(inner, "result_error"),
            Totals = Keyed(inner, "result_total"),
            Next = Keyed(inner, "result_next"),
            Times = Keyed(inner, "result_time"),
        };
    }

    private static BitrixKeyedValues Keyed(JsonElement inner, string name) =>
        !inner.TryGetProperty(name, out var map) ? BitrixKeyedValues.Empty : map.ValueKind switch
        {
            JsonValueKind.Object => new BitrixKeyedValues(map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), []),
            JsonValueKind.Array => new BitrixKeyedValues(new Dictionary<string, JsonElement>(), [.. map.EnumerateArray()]),
            _ => BitrixKeyedValues.Empty,
        };

    /// <summary>result_total holds a count only for list commands the portal counted (start=-1 skips it).</summary>
    private static long? TotalOf(BitrixBatchResult result, string key) =>
        result.Totals.Keyed.TryGetValue(key, out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt64(out var count) ? count : null;

    private static BatchCommandOutcome Failed(string host, BatchCommand command, JsonElement error)
    {
        var parsed = error.ValueKind == JsonValueKind.Object ? error.Deserialize<BitrixError>(BitrixJson.Options) : null;
        var exception = Bitrix24Errors.ClassifyCommand(host, command.Method, parsed ?? new BitrixError(null, error.ToString()));
        return new BatchCommandOutcome(command, null, exception);
    }
}
