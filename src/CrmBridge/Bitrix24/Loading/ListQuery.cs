using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// A list read by ID keyset: order ID ascending, filter &gt;ID, start=-1 so the portal skips the total count
/// (bitrix24/b24restdocs settings/performance/huge-data.md). Rendered as a JSON body for a single call or as an
/// encoded query for a batch command.
/// </summary>
internal sealed record ListQuery
{
    public const int PageSize = 50;

    public required string Method { get; init; }

    /// <summary>Where the rows sit inside "result": null for a plain array, "items" for crm.stagehistory.list.</summary>
    public string? ItemsPath { get; init; }

    public IReadOnlyList<string> Select { get; init; } = [];

    public IReadOnlyDictionary<string, string> Filter { get; init; } = new Dictionary<string, string>();

    /// <summary>Top-level parameters such as entityTypeId.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>user.get spells its parameters FILTER / SORT / ORDER and has no start=-1.</summary>
    public bool UserStyle { get; init; }

    public ListQuery WithFilter(string key, string value) =>
        this with { Filter = new Dictionary<string, string>(Filter) { [key] = value } };

    public JsonObject ToJson(string afterId)
    {
        var filter = new JsonObject { [">ID"] = afterId };
        foreach (var (key, value) in Filter)
        {
            filter[key] = value;
        }

        var body = new JsonObject();
        foreach (var (key, value) in Parameters)
        {
            body[key] = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : value;
        }

        if (UserStyle)
        {
            body["FILTER"] = filter;
            body["SORT"] = "ID";
            body["ORDER"] = "ASC";
            return body;
        }

        body["filter"] = filter;
        body["order"] = new JsonObject { ["ID"] = "ASC" };
        body["select"] = new JsonArray([.. Select.Select(s => (JsonNode)s)]);
        body["start"] = -1;
        return body;
    }

    /// <summary>
    /// The batch command query; afterId may be a reference like $result[c0][49][ID], which is URL-encoded like every
    /// other value (bitrix24/b24restdocs settings/how-to-call-rest-api/batch.md: encode sub-request data). A counted
    /// command leaves out start=-1, so the portal reports the list's total (rows after afterId) with the first page.
    /// </summary>
    public string ToQuery(string afterId, bool counted = false)
    {
        var pairs = new List<(string Key, string Value)>();
        pairs.AddRange(Parameters.Select(p => (p.Key, p.Value)));
        var filterName = UserStyle ? "FILTER" : "filter";
        pairs.Add(($"{filterName}[>ID]", afterId));
        pairs.AddRange(Filter.Select(f => ($"{filterName}[{f.Key}]", f.Value)));
        if (UserStyle)
        {
            pairs.Add(("SORT", "ID"));
            pairs.Add(("ORDER", "ASC"));
        }
        else
        {
            pairs.Add(("order[ID]", "ASC"));
            pairs.AddRange(Select.Select((field, i) => ($"select[{i}]", field)));
            if (!counted)
            {
                pairs.Add(("start", "-1"));
            }
        }

        var query = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            query.Append(query.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }

    /// <summary>The reference to the last ID of an earlier command's full page.</summary>
    public string LastIdReference(string commandKey) =>
        ItemsPath is null ? $"$result[{commandKey}][{PageSize - 1}][ID]" : $"$result[{commandKey}][{ItemsPath}][{PageSize - 1}][ID]";
}
