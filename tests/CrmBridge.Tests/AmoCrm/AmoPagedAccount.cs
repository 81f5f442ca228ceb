using System.Globalization;
using System.Text.Json.Nodes;
using System.Web;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace CrmBridge.Tests.AmoCrm;

/// <summary>
/// A WireMock amoCRM account whose lists run to several pages: records cloned from the fixtures' real shapes with their
/// own ids and ascending stamps, served by page number with a next link, and the vendor's limit enforced on the test's
/// fake clock (at most N arrivals in any second, else 429 with the vendor's plain-text body). Every arrival is logged with
/// the fake time it came at.
/// </summary>
internal sealed class AmoPagedAccount
{
    public const long Stamp = 1700000000;

    private readonly AmoCrmHarness _amo;
    private readonly int _perSecond;
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly List<Arrival> _arrivals = [];

    public AmoPagedAccount(AmoCrmHarness amo, int perSecond, int perPage, int companies)
    {
        _amo = amo;
        _perSecond = perSecond;
        Companies = companies;
        List("/api/v4/users", "users", [.. Records("users.json").Take(2)], perPage: 250);
        List("/api/v4/leads/pipelines", "pipelines", Records("pipelines.json"), perPage: 250);
        List("/api/v4/companies", "companies", [.. Enumerable.Range(0, companies).Select(Company)], perPage);
        List("/api/v4/contacts", "contacts", [.. Enumerable.Range(0, companies).Select(Contact)], perPage);
        List("/api/v4/leads", "leads", [.. Enumerable.Range(0, companies).Select(Lead)], perPage);
        List("/api/v4/tasks", "tasks", [.. Enumerable.Range(0, companies).Select(Task)], perPage);
        List("/api/v4/companies/notes", "notes", [.. Enumerable.Range(0, companies).Select(Note)], perPage);
        List("/api/v4/events", "events", [.. Enumerable.Range(0, companies).Select(OwnerEvent)], perPage);
    }

    public int Companies { get; }

    /// <summary>Lists, and how many pages each has, so a test can check every page was asked once.</summary>
    public Dictionary<string, int> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>Pages that get a 503 (and keep getting it) instead of their rows: "a crash" in the middle of a load.</summary>
    public HashSet<(string Path, int Page)> Failing { get; } = [];

    public IReadOnlyList<Arrival> Arrivals
    {
        get
        {
            lock (_gate)
            {
                return [.. _arrivals];
            }
        }
    }

    public static long CompanyId(int i) => 1001 + i;

    public static long LeadId(int i) => 4001 + i;

    private JsonObject Company(int i)
    {
        var company = Template("companies.page1.json");
        company["id"] = CompanyId(i);
        company["name"] = $"ООО Компания {i}";
        company["responsible_user_id"] = 504142;
        company["updated_at"] = Stamp + i;
        return company;
    }

    private JsonObject Contact(int i)
    {
        var contact = Template("contacts.json");
        contact["id"] = 3001 + i;
        contact["updated_at"] = Stamp + i;
        contact["_embedded"]!["companies"]![0]!["id"] = CompanyId(i);
        return contact;
    }

    private JsonObject Lead(int i)
    {
        var lead = Template("leads.json");
        lead["id"] = LeadId(i);
        lead["updated_at"] = Stamp + i;
        lead["_embedded"]!["companies"]![0]!["id"] = CompanyId(i);
        return lead;
    }

    /// <summary>A task on a lead: the Store finds its company through the stored lead.</summary>
    private JsonObject Task(int i)
    {
        var task = Template("tasks.json");
        task["id"] = 5001 + i;
        task["updated_at"] = Stamp + i;
        task["entity_type"] = "leads";
        task["entity_id"] = LeadId(i);
        return task;
    }

    private JsonObject Note(int i)
    {
        var note = Template("notes.calls.json");
        note["id"] = 6001 + i;
        note["entity_id"] = CompanyId(i);
        note["updated_at"] = Stamp + i;
        note["created_at"] = Stamp + i;
        note["params"]!["uniq"] = $"call-{i}";
        return note;
    }

    /// <summary>The company was handed to its current owner: its OwnerSince comes from the stored company.</summary>
    private static JsonObject OwnerEvent(int i)
    {
        var change = Records("events.json").Single(e => (string?)e["type"] == "entity_responsible_changed" && (string?)e["entity_type"] == "company");
        change["id"] = $"01pz58t6p1mhq8gqzgcp{i:D6}";
        change["entity_id"] = CompanyId(i);
        change["created_at"] = Stamp + 50 + i;
        return change;
    }

    private static JsonObject Template(string fixture) => Records(fixture)[0];

    private static List<JsonObject> Records(string fixture)
    {
        var page = JsonNode.Parse(AmoFixture.Read(fixture))!;
        var embedded = page["_embedded"]!.AsObject().Single().Value!.AsArray();
        return [.. embedded.Select(r => r!.DeepClone().AsObject())];
    }

    private void List(string path, string key, List<JsonObject> records, int perPage)
    {
        Pages[path] = (records.Count + perPage - 1) / perPage;
        _amo.Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(5).RespondWith(Response.Create().WithCallback(request =>
        {
            var query = HttpUtility.ParseQueryString(new Uri(request.Url).Query);
            var number = int.Parse(query["page"] ?? "1", CultureInfo.InvariantCulture);
            var now = _amo.Time.GetUtcNow();
            if (!Admit(path, number, now))
            {
                return Reply(429, "text/plain", AmoFixture.Read("error.429.txt"));
            }

            if (Failing.Contains((path, number)))
            {
                return Reply(503, "text/html", "<html><body>503 Service Temporarily Unavailable</body></html>");
            }

            // amoCRM's filter[updated_at][from]: an incremental read (or a resumed load) gets the rows from there on.
            var from = long.TryParse(query["filter[updated_at][from]"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? f : long.MinValue;
            var rows = records.Where(r => r["updated_at"] is not { } stamp || (long)stamp >= from).Skip((number - 1) * perPage).Take(perPage).ToList();
            var more = records.Count(r => r["updated_at"] is not { } stamp || (long)stamp >= from) > number * perPage;
            if (rows.Count == 0)
            {
                return new ResponseMessage { StatusCode = 204 };
            }

            var self = $"https://example.amocrm.ru{path}?page={number}&limit={perPage}";
            var links = new JsonObject { ["self"] = new JsonObject { ["href"] = self } };
            if (more)
            {
                links["next"] = new JsonObject { ["href"] = $"https://example.amocrm.ru{path}?page={number + 1}&limit={perPage}" };
            }

            var body = new JsonObject
            {
                ["_page"] = number,
                ["_links"] = links,
                ["_embedded"] = new JsonObject { [key] = new JsonArray([.. rows.Select(r => r.DeepClone())]) },
            };
            return Reply(200, "application/hal+json", body.ToJsonString());
        }));
    }

    private bool Admit(string path, int page, DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromSeconds(1))
            {
                _window.Dequeue();
            }

            var admitted = _window.Count < _perSecond;
            if (admitted)
            {
                _window.Enqueue(now);
            }

            _arrivals.Add(new Arrival(path, page, now, admitted));
            return admitted;
        }
    }

    private static ResponseMessage Reply(int status, string contentType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };

    public sealed record Arrival(string Path, int Page, DateTimeOffset At, bool Admitted);
}
