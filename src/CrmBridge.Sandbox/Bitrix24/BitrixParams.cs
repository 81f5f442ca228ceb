using System.Globalization;
using System.Text.Json;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>
/// Method parameters as PHP sees them: a tree of maps, lists and strings, built from a JSON body or from a
/// query string with bracket keys (filter[&gt;ID]=5&amp;select[]=ID), which is how batch commands arrive.
/// </summary>
internal sealed class BitrixParams
{
    private readonly Dictionary<string, object> _root;

    private BitrixParams(Dictionary<string, object> root) => _root = root;

    public static BitrixParams Empty { get; } = new(NewMap());

    public static BitrixParams FromJson(JsonElement element) =>
        new(element.ValueKind == JsonValueKind.Object ? (Dictionary<string, object>)Convert(element) : NewMap());

    public static BitrixParams FromQuery(string query)
    {
        var root = NewMap();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            Insert(root, key, value);
        }

        return new BitrixParams(root);
    }

    /// <summary>The same tree with every string leaf passed through <paramref name="map"/> (batch references).</summary>
    public BitrixParams MapLeaves(Func<string, string> map) => new((Dictionary<string, object>)MapNode(_root, map));

    public string? Get(string key) => _root.TryGetValue(key, out var value) ? value as string : null;

    public IReadOnlyDictionary<string, object> Map(string key) =>
        _root.TryGetValue(key, out var value) && value is Dictionary<string, object> map ? map : NewMap();

    public IReadOnlyList<string> Strings(string key) => _root.TryGetValue(key, out var value) ? AsStrings(value) : [];

    public static IReadOnlyList<string> AsStrings(object value) => value switch
    {
        string s => [s],
        List<object> list => list.OfType<string>().ToList(),
        Dictionary<string, object> map => map.Values.OfType<string>().ToList(),
        _ => [],
    };

    private static object MapNode(object node, Func<string, string> map) => node switch
    {
        string s => map(s),
        List<object> list => list.Select(item => MapNode(item, map)).ToList(),
        Dictionary<string, object> dictionary => dictionary.Aggregate(NewMap(), (copy, p) =>
        {
            copy[p.Key] = MapNode(p.Value, map);
            return copy;
        }),
        _ => node,
    };

    private static Dictionary<string, object> NewMap() => new(StringComparer.OrdinalIgnoreCase);

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static void Insert(Dictionary<string, object> root, string key, string value)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            root[key] = value;
            return;
        }

        var path = new List<string> { key[..open] };
        var rest = key[open..];
        while (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            path.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        object node = root;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            var nextIsAppend = !last && path[i + 1].Length == 0;
            if (node is List<object> list)
            {
                if (last)
                {
                    list.Add(value);
                    return;
                }

                var child = nextIsAppend ? (object)new List<object>() : NewMap();
                list.Add(child);
                node = child;
                continue;
            }

            var map = (Dictionary<string, object>)node;
            if (last)
            {
                map[path[i]] = value;
                return;
            }

            if (!map.TryGetValue(path[i], out var existing) || existing is string)
            {
                existing = nextIsAppend ? new List<object>() : NewMap();
                map[path[i]] = existing;
            }

            node = existing;
        }
    }

    private static object Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(NewMap(), (map, p) =>
        {
            map[p.Name] = Convert(p.Value);
            return map;
        }),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "",
    };

    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
