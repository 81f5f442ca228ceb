using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CrmBridge.Core.People;
using CrmBridge.Setup;
using CrmBridge.Tests.Bitrix24.Fakes;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CrmBridge.Tests.Setup;

/// <summary>
/// The Bitrix24 side of setup against WireMock serving the portal's shapes (b24restdocs crm-company-fields.md,
/// user-current.md, list replies with "time"): what it reads and proposes, and that it only reads.
/// </summary>
public sealed class Bitrix24SetupReaderTests : IDisposable
{
    private const string Secret = "k2m9x7q4zt0s3cr3t";
    private static readonly string[] ReadMethods =
        ["user.get", "user.current", "crm.company.fields", "crm.contact.fields", "crm.requisite.fields", "crm.company.list", "crm.requisite.list", "crm.activity.list", "crm.category.list", "batch"];

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Pool_technical_users_the_inn_field_and_named_stages_are_proposed_from_a_read_only_survey()
    {
        Serve("user.get", new JsonArray(
            User("1", "Портал", "Администратор", "admin@firm.ru"),
            User("7", "Свободная", "база", "free@firm.ru"),
            User("9", "Ирина", "Капитонова", "i.kapitonova@firm.ru"),
            User("12", "Склад", "Учёт", null)));
        Serve("user.current", User("1", "Портал", "Администратор", "admin@firm.ru"));
        Serve("crm.company.fields", JsonNode.Parse("""
            {
              "ID": { "type": "integer", "isRequired": false, "isReadOnly": true, "isImmutable": false, "isMultiple": false, "isDynamic": false, "title": "ID" },
              "TITLE": { "type": "string", "isRequired": true, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": false, "title": "Company Name" },
              "ASSIGNED_BY_ID": { "type": "user", "isRequired": false, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": false, "title": "Responsible Person" },
              "UF_CRM_1712": { "type": "string", "isRequired": false, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": true, "title": "UF_CRM_1712", "listLabel": "ИНН клиента", "formLabel": "ИНН клиента", "filterLabel": "ИНН клиента", "settings": { "SIZE": 20, "ROWS": 1, "REGEXP": "", "MIN_LENGTH": 0, "MAX_LENGTH": 0, "DEFAULT_VALUE": "" } },
              "UF_CRM_1713": { "type": "date", "isRequired": false, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": true, "title": "UF_CRM_1713", "listLabel": "Отложен до", "formLabel": "Отложен до", "filterLabel": "Отложен до", "settings": { "DEFAULT_VALUE": { "TYPE": "NONE", "VALUE": "" } } }
            }
            """)!);
        Serve("crm.contact.fields", JsonNode.Parse("""
            {
              "POST": { "type": "string", "isRequired": false, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": false, "title": "Position" },
              "UF_CRM_1800": { "type": "boolean", "isRequired": false, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": true, "title": "UF_CRM_1800", "listLabel": "ЛПР", "formLabel": "ЛПР", "filterLabel": "ЛПР", "settings": { "DEFAULT_VALUE": 0, "DISPLAY": "CHECKBOX" } }
            }
            """)!);
        Serve("crm.requisite.fields", JsonNode.Parse("""
            {
              "ID": { "type": "integer", "isRequired": false, "isReadOnly": true, "isImmutable": false, "isMultiple": false, "isDynamic": false, "title": "ID" },
              "RQ_INN": { "type": "string", "isRequired": false, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": false, "title": "ИНН" },
              "RQ_KPP": { "type": "string", "isRequired": false, "isReadOnly": false, "isImmutable": false, "isMultiple": false, "isDynamic": false, "title": "КПП" }
            }
            """)!);
        var companies = new JsonArray();
        for (var id = 1; id <= 30; id++)
        {
            var owner = id <= 20 ? "12" : id <= 25 ? "7" : "9";
            companies.Add(new JsonObject { ["ID"] = Text(id), ["ASSIGNED_BY_ID"] = owner, ["UF_CRM_1712"] = id <= 10 ? (id % 2 == 0 ? "7707083893" : "7736050003") : "" });
        }

        Serve("crm.company.list", companies);
        Serve("crm.requisite.list", new JsonArray(
            new JsonObject { ["ID"] = "1", ["ENTITY_TYPE_ID"] = "4", ["ENTITY_ID"] = "1", ["RQ_INN"] = "7707083893" },
            new JsonObject { ["ID"] = "2", ["ENTITY_TYPE_ID"] = "4", ["ENTITY_ID"] = "2", ["RQ_INN"] = "7736050003" },
            new JsonObject { ["ID"] = "3", ["ENTITY_TYPE_ID"] = "4", ["ENTITY_ID"] = "3", ["RQ_INN"] = "7707083894" }));
        Serve("crm.activity.list", new JsonArray(
            Activity("101", "2", "9"), Activity("102", "2", "9"), Activity("103", "1", "9"), Activity("104", "2", "9"), Activity("105", "4", "12")));
        Serve("crm.category.list", new JsonObject { ["categories"] = new JsonArray(new JsonObject { ["id"] = 0, ["name"] = "Общая", ["sort"] = 100, ["entityTypeId"] = 2, ["isDefault"] = "Y" }) });
        ServeStatuses();
        using var host = new Bitrix24TestHost($"{_server.Url}/rest/1/{Secret}/", null, Bitrix24TestHost.Start);

        var survey = await host.Time.RunAsync(() => ActivatorUtilities.CreateInstance<Bitrix24SetupReader>(host.Services).ReadAsync(CancellationToken.None));
        var people = PeopleProposer.Propose([survey]);
        var fields = FieldProposer.Propose([survey]);
        var stages = Assert.Single(StageProposer.Propose([survey], 40));

        var byId = survey.Users.ToDictionary(u => u.Id);
        Assert.Equal((20, 0), (byId["12"].CardsOwned, byId["12"].Contacts30Days));
        Assert.Equal((5, 4), (byId["9"].CardsOwned, byId["9"].Contacts30Days));
        Assert.True(byId["1"].IsWebhookOwner);
        Assert.Equal(
            [("7", PersonRole.Pool), ("1", PersonRole.Technical), ("12", PersonRole.Technical)],
            people.Select(c => (c.User.Id, c.Role)));
        Assert.Contains("owns 20 of 30 cards (66 %), 0 contacts in 30 days", people.Single(c => c.User.Id == "12").Evidence);
        Assert.Equal("bitrix24:12", people.Single(c => c.User.Id == "12").User.SettingName);
        Assert.Contains("webhook owner (Bitrix24 user.current)", people.Single(c => c.User.Id == "1").Evidence);

        var inn = fields.Single(f => f.Purpose == FieldPurpose.Inn);
        Assert.Equal(("Bitrix24:InnField", "UF_CRM_1712"), (inn.SettingKey, inn.SettingValue));
        Assert.Equal(
            "UF_CRM_1712 'ИНН клиента': 10 of 30 sampled cards hold a valid value, read besides the requisites\n" +
            "requisites RQ_INN (the default source, no setting needed): 2 of 3 sampled requisites hold a valid value",
            inn.Evidence);
        Assert.Equal("UF_CRM_1713", fields.Single(f => f.Purpose == FieldPurpose.PostponedUntil).SettingValue);
        Assert.Equal("UF_CRM_1800", fields.Single(f => f.Purpose == FieldPurpose.DecisionMaker).SettingValue);
        Assert.Equal(("UC_NEED", "name matches 'потребн'"), (Assert.Single(stages.Need).Stage.Id, stages.Need[0].Reason));
        Assert.Equal("UC_KP", Assert.Single(stages.Proposal).Stage.Id);
        Assert.Equal("UC_TALKS", Assert.Single(stages.TopZone).Stage.Id);

        var methods = _server.LogEntries.Select(e => e.RequestMessage.Path[(e.RequestMessage.Path.LastIndexOf('/') + 1)..^".json".Length]).ToList();
        Assert.All(methods, method => Assert.Contains(method, ReadMethods));
        var activities = JsonNode.Parse(_server.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("crm.activity.list.json", StringComparison.Ordinal)).RequestMessage.Body!)!;
        Assert.Equal("Y", activities["filter"]!["COMPLETED"]!.GetValue<string>());
        Assert.Equal(Bitrix24TestHost.Start.AddDays(-30), DateTimeOffset.Parse(activities["filter"]![">=START_TIME"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        var companyList = JsonNode.Parse(_server.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("crm.company.list.json", StringComparison.Ordinal)).RequestMessage.Body!)!;
        Assert.Contains("UF_CRM_1712", companyList["select"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    private void Serve(string method, JsonNode result) =>
        _server.Given(Request.Create().WithPath($"/rest/1/{Secret}/{method}.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject { ["result"] = result, ["time"] = Time() }.ToJsonString()));

    private void ServeStatuses()
    {
        static JsonObject Status(string id, string name, int sort, string semantics) => new()
        {
            ["ID"] = Text(sort),
            ["ENTITY_ID"] = "DEAL_STAGE",
            ["STATUS_ID"] = id,
            ["NAME"] = name,
            ["NAME_INIT"] = name,
            ["SORT"] = Text(sort),
            ["SYSTEM"] = "N",
            ["CATEGORY_ID"] = "0",
            ["COLOR"] = "#39A8EF",
            ["SEMANTICS"] = semantics switch { "success" => "S", "failure" => "F", _ => null },
            ["EXTRA"] = new JsonObject { ["SEMANTICS"] = semantics, ["COLOR"] = "#39A8EF" },
        };
        var statuses = new JsonArray(
            Status("NEW", "Новая сделка", 10, "process"),
            Status("UC_NEED", "Выявление потребности", 20, "process"),
            Status("UC_KP", "Отправлено КП", 30, "process"),
            Status("UC_TALKS", "Переговоры", 40, "process"),
            Status("WON", "Сделка успешна", 60, "success"),
            Status("LOSE", "Сделка провалена", 70, "failure"));
        var reply = new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["result"] = new JsonObject { ["s0"] = statuses },
                ["result_error"] = new JsonArray(),
                ["result_total"] = new JsonObject { ["s0"] = 6 },
                ["result_next"] = new JsonArray(),
                ["result_time"] = new JsonObject { ["s0"] = Time() },
            },
            ["time"] = Time(),
        };
        _server.Given(Request.Create().WithPath($"/rest/1/{Secret}/batch.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "application/json").WithBody(reply.ToJsonString()));
    }

    /// <summary>user.get / user.current row as the portal sends it (ACTIVE a real boolean, UF_DEPARTMENT a list).</summary>
    private static JsonObject User(string id, string name, string lastName, string? email) => new()
    {
        ["ID"] = id,
        ["XML_ID"] = null,
        ["ACTIVE"] = true,
        ["NAME"] = name,
        ["LAST_NAME"] = lastName,
        ["SECOND_NAME"] = "",
        ["EMAIL"] = email,
        ["LAST_LOGIN"] = "2026-02-27T08:07:26+03:00",
        ["DATE_REGISTER"] = "2024-07-22T00:00:00+03:00",
        ["IS_ONLINE"] = "N",
        ["WORK_POSITION"] = "",
        ["UF_DEPARTMENT"] = new JsonArray(1),
        ["USER_TYPE"] = "employee",
    };

    private static JsonObject Activity(string id, string type, string responsible) => new()
    {
        ["ID"] = id,
        ["TYPE_ID"] = type,
        ["RESPONSIBLE_ID"] = responsible,
    };

    private static JsonObject Time() => new()
    {
        ["start"] = 1772434687,
        ["finish"] = 1772434687.6416969,
        ["duration"] = 0.6416969299316406,
        ["processing"] = 0,
        ["date_start"] = "2026-03-02T09:18:07+03:00",
        ["date_finish"] = "2026-03-02T09:18:07+03:00",
        ["operating_reset_at"] = 1772435287,
        ["operating"] = 0,
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
