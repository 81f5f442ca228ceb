using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>
/// batch: up to 50 "method?query" commands run in order; "$result[key][49][ID]" in a later command is replaced by
/// that value of an earlier result (an unresolvable reference becomes empty). Past the 50th, each command fails
/// with ERROR_BATCH_LENGTH_EXCEEDED; halt stops at the first error.
/// </summary>
internal sealed partial class BitrixBatch(BitrixMethods methods)
{
    public const int MaxCommands = 50;

    public IReadOnlyList<(string Key, BitrixCallResult Result)> Run(BitrixParams parameters)
    {
        var halt = parameters.Get("halt") is "1" or "true" or "Y";
        var results = new List<(string Key, BitrixCallResult Result)>();
        var byKey = new Dictionary<string, BitrixCallResult>(StringComparer.Ordinal);
        var commands = parameters.Map("cmd");
        foreach (var (key, command) in commands)
        {
            BitrixCallResult result;
            if (results.Count >= MaxCommands)
            {
                result = BitrixCallResult.Fail(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
            }
            else
            {
                var text = BitrixParams.Text(command);
                var question = text.IndexOf('?', StringComparison.Ordinal);
                var method = question < 0 ? text : text[..question];
                var query = question < 0 ? BitrixParams.Empty : BitrixParams.FromQuery(text[(question + 1)..]);
                result = methods.Call(method.Trim(), query.MapLeaves(leaf => Resolve(leaf, byKey)), text);
            }

            results.Add((key, result));
            byKey[key] = result;
            if (result.IsError && halt)
            {
                break;
            }
        }

        return results;
    }

    private static string Resolve(string leaf, Dictionary<string, BitrixCallResult> results) =>
        !leaf.Contains("$result", StringComparison.Ordinal) ? leaf : Reference().Replace(leaf, match =>
        {
            if (!results.TryGetValue(match.Groups[1].Value, out var result) || result.IsError)
            {
                return "";
            }

            object? node = result.Value;
            foreach (Capture step in match.Groups[2].Captures)
            {
                node = Step(node, step.Value);
            }

            return node is null or IEnumerable and not string ? "" : BitrixParams.Text(node);
        });

    private static object? Step(object? node, string key) => node switch
    {
        BitrixRow row => row.Raw(key),
        IDictionary<string, object?> map => map.TryGetValue(key, out var value) ? value : null,
        IList list when int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i >= 0 && i < list.Count ? list[i] : null,
        _ => null,
    };

    [GeneratedRegex(@"\$result\[([^\]]+)\](?:\[([^\]]*)\])*")]
    private static partial Regex Reference();
}
