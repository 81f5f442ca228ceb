using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>Rows shaped as the portal sends them: strings for numbers, Y/N flags, multifields, ISO dates with offset.</summary>
internal static class BitrixRows
{
    public static readonly DateTimeOffset Created = new(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(3));

    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static JsonObject Company(int id, string owner = "11", DateTimeOffset? modified = null, string? title = null) => new()
    {
        ["ID"] = Id(id),
        ["TITLE"] = title ?? $"Company {id}",
        ["ASSIGNED_BY_ID"] = owner,
        ["DATE_CREATE"] = Iso(Created),
        ["DATE_MODIFY"] = Iso(modified ?? Created),
        ["PHONE"] = new JsonArray(new JsonObject { ["ID"] = Id(8000 + id), ["VALUE_TYPE"] = "WORK", ["VALUE"] = $"+7495000{id:D4}", ["TYPE_ID"] = "PHONE" }),
    };

    public static JsonObject Requisite(int id, int companyId, string inn, string active = "Y", string? kpp = "770501001") => new()
    {
        ["ID"] = Id(id),
        ["ENTITY_TYPE_ID"] = "4",
        ["ENTITY_ID"] = Id(companyId),
        ["NAME"] = "Organization",
        ["ACTIVE"] = active,
        ["RQ_INN"] = inn,
        ["RQ_KPP"] = kpp,
        ["RQ_OGRN"] = "1027700132195",
        ["RQ_OGRNIP"] = null,
        ["DATE_CREATE"] = Iso(Created),
        ["DATE_MODIFY"] = "",
    };

    public static JsonObject Deal(int id, int companyId, string stage = "NEW", string semantic = "P") => new()
    {
        ["ID"] = Id(id),
        ["TITLE"] = $"Deal {id}",
        ["CATEGORY_ID"] = "0",
        ["STAGE_ID"] = stage,
        ["STAGE_SEMANTIC_ID"] = semantic,
        ["OPPORTUNITY"] = "150000.00",
        ["CURRENCY_ID"] = "RUB",
        ["ASSIGNED_BY_ID"] = "11",
        ["COMPANY_ID"] = Id(companyId),
        ["CLOSED"] = semantic == "P" ? "N" : "Y",
        ["DATE_CREATE"] = Iso(Created),
        ["DATE_MODIFY"] = Iso(Created),
        ["MOVED_TIME"] = Iso(Created.AddDays(1)),
    };

    public static JsonObject Activity(int id, string typeId, string direction, string ownerTypeId, int ownerId, string completed = "Y") => new()
    {
        ["ID"] = Id(id),
        ["TYPE_ID"] = typeId,
        ["PROVIDER_ID"] = typeId == "2" ? "VOXIMPLANT_CALL" : "CRM_MEETING",
        ["DIRECTION"] = direction,
        ["OWNER_TYPE_ID"] = ownerTypeId,
        ["OWNER_ID"] = Id(ownerId),
        ["RESPONSIBLE_ID"] = "11",
        ["SUBJECT"] = $"Activity {id}",
        ["COMPLETED"] = completed,
        ["START_TIME"] = Iso(Created.AddDays(2)),
        ["CREATED"] = Iso(Created),
        ["LAST_UPDATED"] = Iso(Created.AddDays(2)),
    };

    public static JsonObject Contact(int id, int companyId, string post) => new()
    {
        ["ID"] = Id(id),
        ["NAME"] = "Ivan",
        ["LAST_NAME"] = "Petrov",
        ["POST"] = post,
        ["COMPANY_ID"] = Id(companyId),
        ["ASSIGNED_BY_ID"] = "11",
        ["DATE_CREATE"] = Iso(Created),
        ["DATE_MODIFY"] = Iso(Created),
        ["EMAIL"] = new JsonArray(new JsonObject { ["ID"] = "1", ["VALUE_TYPE"] = "WORK", ["VALUE"] = $"ivan{id}@example.ru", ["TYPE_ID"] = "EMAIL" }),
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
