using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmBridge.Core.Rules;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Tests.Bitrix24.Fakes;
using CrmBridge.Tests.Outbox;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace CrmBridge.Tests.Rules;

/// <summary>
/// What outlives a CrmBridge process: the Bitrix24 portal (WireMock, strict), the clock, the Store file and the
/// Telegram chats. The portal holds one company of Иван Иванов created on 5 February (term due 7 March) and
/// applies the write-backs it receives, as a real portal would. The process is built on the first tick and
/// thrown away by <see cref="Restart"/>.
/// </summary>
internal sealed class RuleTicksWorld : IDisposable
{
    public const string CompanyId = "2919";
    public const string OwnerId = "7";
    public const string PoolUserId = "99";
    public const long HeadChat = 100;
    public const long OwnerChat = 700;

    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary>The card's creation: Bitrix24 keeps no owner history, so the owner's term counts from here.</summary>
    public static readonly DateTimeOffset CardCreated = new(2026, 2, 5, 10, 0, 0, TimeSpan.FromHours(3));

    /// <summary>Day 25 of the 30-day term: the first day of the warning window.</summary>
    public static readonly DateTimeOffset WarningStarts = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(3));

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crmbridge-e2e-");
    private readonly Dictionary<string, string?> _settings;
    private RuleTicksProcess? _process;

    public RuleTicksWorld(OwnershipMode mode, DateTimeOffset firstTick)
    {
        Time = new DrivenTimeProvider(firstTick);
        Portal.Clock = Time.GetUtcNow;
        _settings = new Dictionary<string, string?>
        {
            ["Bitrix24:WebhookUrl"] = Portal.WebhookUrl,
            ["Storage:Path"] = Path.Combine(_folder.FullName, "crmbridge.db"),
            ["Rules:OwnershipMode"] = mode.ToString(),
            ["Rules:PoolUserIds:bitrix24"] = PoolUserId,
            // These ticks are about one finding's message; the first-run summary has its own tests.
            ["Notifications:SummaryOnFirstRun"] = "false",
        };

        Portal.WithEmptyPortal();
        var company = BitrixRows.Company(int.Parse(CompanyId, CultureInfo.InvariantCulture), OwnerId, CardCreated, "ООО Ромашка");
        company["DATE_CREATE"] = BitrixRows.Iso(CardCreated);
        Portal.Tables["crm.company.list"].Add(company);
        Portal.Tables["user.get"].AddRange([User(OwnerId, "Иван", "Иванов"), User(PoolUserId, "Общий", "пул")]);
        AcceptWrite("crm.company.update", ApplyUpdate);
        AcceptWrite("crm.timeline.comment.add", _ => JsonValue.Create(1001));
    }

    public FakePortal Portal { get; } = new();

    public DrivenTimeProvider Time { get; }

    /// <summary>Telegram as the chats see it: every message the outbox delivered, across processes.</summary>
    public RecordingExecutor Telegram { get; } = new(ActionKinds.TelegramMessage);

    /// <summary>Write-back requests the portal received, in order, with their bodies as sent.</summary>
    public ConcurrentQueue<PortalWrite> Writes { get; } = new();

    public List<RuleReport> Reports { get; } = [];

    public IReadOnlyList<(long ChatId, string Html)> Messages =>
        [.. Telegram.Calls.Select(c => (TelegramMessagePayload)c.Payload).Select(m => (m.ChatId.Id ?? 0, m.Html))];

    public RuleTicksProcess Process => _process ??= new RuleTicksProcess(this, _settings);

    public IEnumerable<PortalWrite> WritesOf(string method) => Writes.Where(w => w.Method == method);

    /// <summary>One tick a day for <paramref name="days"/> days, restarting before the ticks listed.</summary>
    public async Task TickDailyAsync(int days, params int[] restartBefore)
    {
        for (var day = 0; day < days; day++)
        {
            if (restartBefore.Contains(day))
            {
                Restart();
            }

            Reports.Add(await Process.TickAsync());
            Time.Fake.Advance(TimeSpan.FromDays(1));
        }
    }

    /// <summary>The process ends (the Store file is closed); the next tick starts a new one on the same file.</summary>
    public void Restart()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>The owner logs a completed outbound call on the card now; calls alone are not progress.</summary>
    public void OwnerCalls()
    {
        var now = Time.GetUtcNow();
        var call = BitrixRows.Activity(Portal.Tables["crm.activity.list"].Count + 50, "2", "2", "4", int.Parse(CompanyId, CultureInfo.InvariantCulture));
        call["RESPONSIBLE_ID"] = OwnerId;
        foreach (var field in new[] { "START_TIME", "CREATED", "LAST_UPDATED" })
        {
            call[field] = BitrixRows.Iso(now);
        }

        Portal.Tables["crm.activity.list"].Add(call);
    }

    public void Dispose()
    {
        Restart();
        Portal.Dispose();
        _folder.Delete(recursive: true);
    }

    private static JsonObject User(string id, string name, string lastName) =>
        new() { ["ID"] = id, ["ACTIVE"] = true, ["NAME"] = name, ["LAST_NAME"] = lastName, ["EMAIL"] = $"user{id}@example.ru" };

    private JsonNode ApplyUpdate(JsonObject body)
    {
        var row = Portal.Tables["crm.company.list"].Single(r => r["ID"]!.ToString() == body["id"]!.ToString());
        row["ASSIGNED_BY_ID"] = body["fields"]!["ASSIGNED_BY_ID"]!.ToString();
        row["DATE_MODIFY"] = BitrixRows.Iso(Time.GetUtcNow());
        return JsonValue.Create(true);
    }

    /// <summary>Answers a write method (before the portal's catch-all, which reports it as unexpected).</summary>
    private void AcceptWrite(string method, Func<JsonObject, JsonNode> apply) =>
        Portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf(method)).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithCallback(request => Reply(method, request, apply)));

    private ResponseMessage Reply(string method, IRequestMessage request, Func<JsonObject, JsonNode> apply)
    {
        var body = JsonNode.Parse(request.Body ?? "{}")!.AsObject();
        Writes.Enqueue(new PortalWrite(method, body.DeepClone().AsObject(), Time.GetUtcNow()));
        var reply = new JsonObject { ["result"] = apply(body), ["time"] = new JsonObject { ["start"] = 1724916859.42, ["duration"] = 0.05, ["operating"] = 0 } };
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = reply.ToJsonString(), DetectedBodyType = BodyType.String },
        };
    }
}
