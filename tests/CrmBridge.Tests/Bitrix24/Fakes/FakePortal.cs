using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>
/// A Bitrix24 portal on loopback (WireMock): list methods over in-memory tables with the documented filter
/// prefixes, 50 rows a page, and batch with $result[...] references resolved like the portal does. Any method
/// without a table, and any request no mapping matches, is recorded as unexpected.
/// </summary>
internal sealed partial class FakePortal : IDisposable
{
    public const string Secret = "q7v2xk9mzt0s3cr3t";
    private int requestCount;

    public FakePortal()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath(new RegexMatcher($"^/rest/7/{Secret}/.+\\.json$")).UsingPost())
            .AtPriority(100)
            .RespondWith(Response.Create().WithCallback(Answer));
    }

    public WireMockServer Server { get; }

    public string WebhookUrl => $"{Server.Url}/rest/7/{Secret}/";

    public string Host => new Uri(Server.Url!).Authority;

    public static string PathOf(string method) => $"/rest/7/{Secret}/{method}.json";

    public ConcurrentDictionary<string, List<JsonObject>> Tables { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<PortalCall> Calls { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>The test's clock, to stamp calls; the portal itself has no notion of fake time.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UnixEpoch;

    /// <summary>What the portal reports in time.operating / operating_reset_at per method.</summary>
    public ConcurrentDictionary<string, (double Seconds, DateTimeOffset ResetAt)> Operating { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers the lists the connector reads with empty tables (plus the default pipeline).</summary>
    public FakePortal WithEmptyPortal()
    {
        foreach (var method in new[] { "crm.company.list", "crm.requisite.list", "crm.contact.list", "crm.deal.list", "crm.activity.list", "crm.stagehistory.list", "user.get", "crm.status.list" })
        {
            Tables.TryAdd(method, []);
        }

        Tables.TryAdd("crm.category.list", [new JsonObject { ["id"] = 0, ["name"] = "General", ["sort"] = 300, ["entityTypeId"] = 2, ["isDefault"] = "Y" }]);
        return this;
    }

    /// <summary>Errors the portal puts in result_error for a method's next commands inside a batch, once each.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> CommandErrors { get; } = new(StringComparer.Ordinal);

    public void FailNextCommand(string method, string error, string description) =>
        CommandErrors.GetOrAdd(method, _ => new ConcurrentQueue<JsonObject>()).Enqueue(new JsonObject { ["error"] = error, ["error_description"] = description });

    /// <summary>HTTP requests that were batches, in order, with the methods of their commands.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Batches() =>
        [.. Calls.Where(c => c.CommandKey is not null).GroupBy(c => c.Request).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)[.. g.Select(c => c.Method)])];

    public IEnumerable<PortalCall> CallsOf(string method) => Calls.Where(c => c.Method == method);

    /// <summary>Every HTTP request reached a mapping and every method had a table.</summary>
    public void AssertNoUnexpectedCalls()
    {
        Assert.Empty(Unexpected);
        Assert.All(Server.LogEntries, e => Assert.NotEqual(404, e.ResponseMessage.StatusCode));
    }

    public void Dispose() => Server.Stop();

    /// <summary>The portal's own answer, for a mapping that answers normally after planted faults.</summary>
    /// <summary>
    /// The first batch is answered as the portal would; every later one gets a 503 HTML page with this body, as an nginx
    /// in front of a struggling portal sends.
    /// </summary>
    public void AnswerLaterBatchesWithHtml503(string html)
    {
        var batches = 0;
        Server.Given(Request.Create().WithPath(PathOf("batch")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithCallback(request => Interlocked.Increment(ref batches) == 1
                ? Answer(request)
                : new ResponseMessage
                {
                    StatusCode = 503,
                    Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("text/html") },
                    BodyData = new WireMock.Util.BodyData { BodyAsString = html, DetectedBodyType = WireMock.Types.BodyType.String },
                }));
    }

    public ResponseMessage Answer(IRequestMessage request)
    {
        var number = Interlocked.Increment(ref requestCount);
        var method = request.Path[(request.Path.LastIndexOf('/') + 1)..^".json".Length];
        var body = JsonNode.Parse(request.Body ?? "{}")!.AsObject();
        if (method != "batch")
        {
            var (result, error, _) = Execute(number, method, body, null, null);
            var reply = error ?? new JsonObject { ["result"] = result, ["time"] = Time(method) };
            if (result is JsonArray list)
            {
                reply["total"] = list.Count;
            }

            return Json(error is null ? 200 : 400, reply);
        }

        var results = new JsonObject();
        var errors = new JsonObject();
        var times = new JsonObject();
        var totals = new JsonObject();
        foreach (var (key, text) in body["cmd"]!.AsObject())
        {
            var raw = text!.GetValue<string>();
            var split = raw.IndexOf('?', StringComparison.Ordinal);
            var commandMethod = split < 0 ? raw : raw[..split];
            var parameters = ParseQuery(split < 0 ? "" : raw[(split + 1)..], results);
            if (parameters is null)
            {
                errors[key] = new JsonObject { ["error"] = "", ["error_description"] = "Unresolved $result reference." };
                continue;
            }

            if (CommandErrors.TryGetValue(commandMethod, out var planted) && planted.TryDequeue(out var plantedError))
            {
                Calls.Enqueue(new PortalCall(number, commandMethod, parameters, key, raw) { At = Clock(), Failed = true });
                errors[key] = plantedError;
                times[key] = Time(commandMethod);
                continue;
            }

            var (result, error, total) = Execute(number, commandMethod, parameters, key, raw);
            times[key] = Time(commandMethod);
            if (error is null)
            {
                results[key] = result;
                if (total is not null)
                {
                    totals[key] = total;
                }
            }
            else
            {
                errors[key] = error;
            }
        }

        return Json(200, new JsonObject
        {
            ["result"] = new JsonObject { ["result"] = results, ["result_error"] = errors.Count == 0 ? new JsonArray() : errors, ["result_total"] = totals.Count == 0 ? new JsonArray() : totals, ["result_next"] = new JsonArray(), ["result_time"] = times },
            ["time"] = Time("batch"),
        });
    }

    /// <summary>A list command without start=-1 is counted, as the portal does: the total of rows its filter matches.</summary>
    private (JsonNode? Result, JsonObject? Error, long? Total) Execute(int request, string method, JsonObject parameters, string? key, string? raw)
    {
        Calls.Enqueue(new PortalCall(request, method, parameters, key, raw) { At = Clock() });
        if (!Tables.TryGetValue(method, out var table))
        {
            Unexpected.Enqueue(method);
            return (null, new JsonObject { ["error"] = "ERROR_METHOD_NOT_FOUND", ["error_description"] = "Method not found!" }, null);
        }

        if (method == "crm.category.list")
        {
            return (new JsonObject { ["categories"] = new JsonArray([.. table.Select(r => r.DeepClone())]) }, null, table.Count);
        }

        var filter = (parameters["filter"] ?? parameters["FILTER"])?.AsObject() ?? [];
        var matching = table.Where(row => filter.All(f => Matches(row, f.Key, f.Value))).ToList();
        var rows = matching
            .OrderBy(row => long.Parse(row["ID"]!.ToString(), CultureInfo.InvariantCulture))
            .Take(50)
            .Select(row => row.DeepClone())
            .ToArray();
        var list = new JsonArray(rows);
        long? total = parameters["start"]?.ToString() == "-1" ? null : matching.Count;
        return (method == "crm.stagehistory.list" ? new JsonObject { ["items"] = list } : list, null, total);
    }

    private static bool Matches(JsonObject row, string key, JsonNode? value)
    {
        var text = value?.ToString() ?? "";
        if (key.StartsWith('>'))
        {
            var field = key[1..];
            var actual = row[field]?.ToString() ?? "";
            return field == "ID"
                ? long.Parse(actual, CultureInfo.InvariantCulture) > long.Parse(text, CultureInfo.InvariantCulture)
                : DateTimeOffset.Parse(actual, CultureInfo.InvariantCulture) > DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        }

        return row[key]?.ToString() == text;
    }

    /// <summary>Decodes "filter%5B%3EID%5D=..." into {"filter":{">ID":...}}; null when a reference cannot be resolved.</summary>
    private static JsonObject? ParseQuery(string query, JsonObject results)
    {
        var parameters = new JsonObject();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]);
            var value = Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : "");
            if (value.StartsWith("$result", StringComparison.Ordinal))
            {
                var resolved = Resolve(value, results);
                if (resolved is null)
                {
                    return null;
                }

                value = resolved;
            }

            var nested = NestedName().Match(name);
            if (nested.Success)
            {
                var outer = nested.Groups[1].Value;
                var inner = nested.Groups[2].Value;
                if (inner.All(char.IsAsciiDigit))
                {
                    // select[0]=ID&select[1]=TITLE is the list the JSON body spells ["ID","TITLE"].
                    parameters[outer] ??= new JsonArray();
                    parameters[outer]!.AsArray().Add(value);
                }
                else
                {
                    parameters[outer] ??= new JsonObject();
                    parameters[outer]!.AsObject()[inner] = value;
                }
            }
            else
            {
                parameters[name] = value;
            }
        }

        return parameters;
    }

    private static string? Resolve(string reference, JsonObject results)
    {
        var path = ReferencePath().Matches(reference).Select(m => m.Groups[1].Value).ToList();
        JsonNode? node = results;
        foreach (var step in path)
        {
            node = node switch
            {
                JsonObject o => o[step],
                JsonArray a when int.TryParse(step, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node?.ToString();
    }

    private JsonObject Time(string method)
    {
        var time = new JsonObject { ["start"] = 1724916859.42, ["duration"] = 0.05, ["operating"] = 0 };
        if (Operating.TryGetValue(method, out var used))
        {
            time["operating"] = used.Seconds;
            time["operating_reset_at"] = used.ResetAt.ToUnixTimeSeconds();
        }

        return time;
    }

    private static ResponseMessage Json(int status, JsonNode body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    [GeneratedRegex(@"^(\w+)\[(.+)\]$")]
    private static partial Regex NestedName();

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex ReferencePath();
}
