using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>Portal records in Bitrix24's field shapes: string values, Y/N flags, multifields, dates with offset.</summary>
internal sealed class BitrixRows(TimeSpan offset)
{
    private static readonly int[] Departments = [1];

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string User(int user) => Id(PortalUsers.All[user].BitrixId);

    public BitrixRow Company(PortalCompany c)
    {
        var lastActivity = c.Activities.Count == 0 ? null : c.Activities.MaxBy(a => a.At);
        return new BitrixRow()
            .Add("ID", Id(c.Id)).Add("TITLE", c.Title).Add("COMPANY_TYPE", "CUSTOMER").Add("INDUSTRY", "OTHER")
            .Add("EMPLOYEES", "EMPLOYEES_2").Add("CURRENCY_ID", "RUB").Add("REVENUE", "0.00")
            .Add("ASSIGNED_BY_ID", User(c.OwnerUser)).Add("CREATED_BY_ID", User(PortalUsers.Admin)).Add("MODIFY_BY_ID", User(c.OwnerUser))
            .Add("DATE_CREATE", Date(c.CreatedAt)).Add("DATE_MODIFY", Date(c.ModifiedAt))
            .Add("LAST_ACTIVITY_TIME", Date(lastActivity?.At ?? c.CreatedAt)).Add("LAST_ACTIVITY_BY", User(lastActivity?.OwnerUser ?? c.OwnerUser))
            .Add("OPENED", "Y").Add("IS_MY_COMPANY", "N").Add("HAS_PHONE", "Y").Add("HAS_EMAIL", "Y").Add("COMMENTS", "")
            .Add("ORIGINATOR_ID", null).Add("ORIGIN_ID", null)
            .Add("UF_CRM_POSTPONED_UNTIL", c.PostponedUntil is { } until ? Date(until) : "")
            .Add("UF_CRM_POSTPONE_REASON", c.PostponeReason ?? "")
            .Add("PHONE", new[] { new BitrixMultiField(Id(c.Id * 3), "WORK", c.Phone, "PHONE") })
            .Add("EMAIL", new[] { new BitrixMultiField(Id((c.Id * 3) + 1), "WORK", c.Email, "EMAIL") })
            .Add("WEB", c.WebSite is null ? Array.Empty<BitrixMultiField>() : [new BitrixMultiField(Id((c.Id * 3) + 2), "WORK", c.WebSite, "WEB")]);
    }

    public BitrixRow Requisite(PortalCompany c) => new BitrixRow()
        .Add("ID", Id(c.Id)).Add("ENTITY_TYPE_ID", "4").Add("ENTITY_ID", Id(c.Id))
        .Add("PRESET_ID", c.SoleTrader ? "2" : "1").Add("NAME", c.SoleTrader ? "ИП" : "Организация")
        .Add("CODE", null).Add("XML_ID", null).Add("ACTIVE", "Y").Add("SORT", "500")
        .Add("DATE_CREATE", Date(c.CreatedAt)).Add("DATE_MODIFY", Date(c.CreatedAt))
        .Add("CREATED_BY_ID", User(PortalUsers.Admin)).Add("MODIFY_BY_ID", User(PortalUsers.Admin))
        .Add("RQ_COMPANY_NAME", c.Title).Add("RQ_COMPANY_FULL_NAME", c.Title)
        .Add("RQ_INN", c.Inn ?? "").Add("RQ_KPP", c.Kpp ?? "")
        .Add("RQ_OGRN", c.SoleTrader ? "" : c.Ogrn ?? "").Add("RQ_OGRNIP", c.SoleTrader ? c.Ogrn ?? "" : "");

    public BitrixRow Contact(PortalCompany c, PortalContact p) => new BitrixRow()
        .Add("ID", Id(p.Id)).Add("NAME", p.FirstName).Add("SECOND_NAME", p.SecondName).Add("LAST_NAME", p.LastName)
        .Add("POST", p.Position).Add("COMPANY_ID", Id(c.Id)).Add("TYPE_ID", "CLIENT").Add("SOURCE_ID", "CALL")
        .Add("ASSIGNED_BY_ID", User(c.OwnerUser)).Add("CREATED_BY_ID", User(c.OwnerUser))
        .Add("DATE_CREATE", Date(p.CreatedAt)).Add("DATE_MODIFY", Date(p.CreatedAt))
        .Add("OPENED", "Y").Add("EXPORT", "Y").Add("HAS_PHONE", "Y").Add("HAS_EMAIL", "Y")
        .Add(BitrixFields.DecisionMaker, p.IsDecisionMaker ? "1" : "0")
        .Add("PHONE", new[] { new BitrixMultiField(Id(p.Id * 2), "WORK", p.Phone, "PHONE") })
        .Add("EMAIL", new[] { new BitrixMultiField(Id((p.Id * 2) + 1), "WORK", p.Email, "EMAIL") });

    public BitrixRow Deal(PortalCompany c, PortalDeal d)
    {
        var stage = PortalPipeline.Stages[d.Stage];
        return new BitrixRow()
            .Add("ID", Id(d.Id)).Add("TITLE", d.Title).Add("TYPE_ID", "SALE").Add("STAGE_ID", stage.BitrixId)
            .Add("CATEGORY_ID", "0").Add("STAGE_SEMANTIC_ID", Semantic(stage.Semantics))
            .Add("PROBABILITY", stage.Probability.ToString(CultureInfo.InvariantCulture)).Add("CURRENCY_ID", "RUB")
            .Add("OPPORTUNITY", BitrixJson.Money(d.Amount)).Add("IS_MANUAL_OPPORTUNITY", "N").Add("TAX_VALUE", "0.00")
            .Add("COMPANY_ID", Id(c.Id)).Add("CONTACT_ID", c.Contacts.Count > 0 ? Id(c.Contacts[0].Id) : null)
            .Add("BEGINDATE", Date(d.CreatedAt)).Add("CLOSEDATE", Date(d.ClosedAt ?? d.CreatedAt.AddDays(30)))
            .Add("ASSIGNED_BY_ID", User(d.OwnerUser)).Add("CREATED_BY_ID", User(d.OwnerUser)).Add("MODIFY_BY_ID", User(d.OwnerUser))
            .Add("DATE_CREATE", Date(d.CreatedAt)).Add("DATE_MODIFY", Date(d.ModifiedAt))
            .Add("OPENED", "Y").Add("CLOSED", d.IsClosed ? "Y" : "N").Add("SOURCE_ID", "CALL")
            .Add("MOVED_BY_ID", User(d.History[^1].ByUser)).Add("MOVED_TIME", Date(d.MovedAt))
            .Add("LAST_ACTIVITY_TIME", Date(d.MovedAt)).Add("LAST_ACTIVITY_BY", User(d.OwnerUser))
            .Add(BitrixFields.Margin, BitrixJson.Money(d.Margin) + "|RUB").Add(BitrixFields.LossReason, d.LossReason ?? "");
    }

    public BitrixRow Activity(PortalCompany c, PortalActivity a)
    {
        var call = a.Kind == ActivityKind.Call;
        var direction = a.Direction switch { Direction.Inbound => "1", Direction.Outbound => "2", _ => "0" };
        return new BitrixRow()
            .Add("ID", Id(a.Id)).Add("OWNER_ID", Id(c.Id)).Add("OWNER_TYPE_ID", "4")
            .Add("TYPE_ID", call ? "2" : "1").Add("PROVIDER_ID", call ? "VOXIMPLANT_CALL" : "CRM_MEETING")
            .Add("PROVIDER_TYPE_ID", call ? "CALL" : "MEETING").Add("ASSOCIATED_ENTITY_ID", "0").Add("SUBJECT", a.Subject)
            .Add("CREATED", Date(a.At)).Add("LAST_UPDATED", Date(a.At.AddSeconds(a.DurationSeconds)))
            .Add("START_TIME", Date(a.At)).Add("END_TIME", Date(a.At.AddSeconds(a.DurationSeconds))).Add("DEADLINE", Date(a.At))
            .Add("COMPLETED", a.Completed ? "Y" : "N").Add("STATUS", a.Completed ? "2" : "1")
            .Add("RESPONSIBLE_ID", User(a.OwnerUser)).Add("PRIORITY", "2").Add("NOTIFY_TYPE", "0").Add("NOTIFY_VALUE", "0")
            .Add("DESCRIPTION", "").Add("DESCRIPTION_TYPE", "1").Add("DIRECTION", direction).Add("LOCATION", "")
            .Add("AUTHOR_ID", User(a.OwnerUser)).Add("EDITOR_ID", User(a.OwnerUser));
    }

    public static BitrixRow StageChange(PortalDeal d, int step)
    {
        var change = d.History[step];
        var stage = PortalPipeline.Stages[change.Stage];
        var type = step == 0 ? 1 : stage.Semantics == StageSemantics.Open ? 2 : 3;
        return new BitrixRow()
            .Add("ID", PortalIds.History(d.Id, step)).Add("TYPE_ID", type).Add("OWNER_ID", d.Id)
            .Add("CREATED_TIME", BitrixJson.Date(change.At, TimeSpan.Zero)).Add("CATEGORY_ID", 0)
            .Add("STAGE_SEMANTIC_ID", Semantic(stage.Semantics)).Add("STAGE_ID", stage.BitrixId);
    }

    public static BitrixRow UserRow(PortalUser u) => new BitrixRow()
        .Add("ID", Id(u.BitrixId)).Add("XML_ID", null).Add("ACTIVE", true).Add("NAME", u.FirstName).Add("LAST_NAME", u.LastName)
        .Add("SECOND_NAME", "").Add("EMAIL", u.Email).Add("WORK_POSITION", u.Role == PortalUserRole.Manager ? "Менеджер по продажам" : "")
        .Add("USER_TYPE", "employee").Add("UF_DEPARTMENT", Departments).Add("IS_ONLINE", "N");

    public static string Semantic(StageSemantics s) => s switch { StageSemantics.Won => "S", StageSemantics.Lost => "F", _ => "P" };

    private string Date(DateTimeOffset at) => BitrixJson.Date(at, offset);
}
