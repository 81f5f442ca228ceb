using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>The REST methods CrmBridge calls, by name.</summary>
internal sealed class BitrixMethods(SandboxState state, long webhookUserId)
{
    private readonly BitrixLists _lists = new(state);

    public BitrixCallResult Call(string method, BitrixParams p, string rawBody) => method.ToLowerInvariant() switch
    {
        "crm.company.list" => _lists.List(BitrixEntity.Company, p),
        "crm.requisite.list" => _lists.List(BitrixEntity.Requisite, p),
        "crm.contact.list" => _lists.List(BitrixEntity.Contact, p),
        "crm.deal.list" => _lists.List(BitrixEntity.Deal, p),
        "crm.activity.list" when IsTodoQuery(p) => Todos(p),
        "crm.activity.list" => _lists.List(BitrixEntity.Activity, p),
        "crm.timeline.comment.list" => Comments(p),
        "crm.stagehistory.list" => StageHistory(p),
        "crm.category.list" => Categories(p),
        "crm.status.list" => Statuses(p),
        "user.get" => Users(p),
        "user.current" => CurrentUser(),
        "crm.company.fields" => new BitrixCallResult(BitrixFields.Company()),
        "crm.contact.fields" => new BitrixCallResult(BitrixFields.Contact()),
        "crm.deal.fields" => new BitrixCallResult(BitrixFields.Deal()),
        "crm.requisite.fields" => new BitrixCallResult(BitrixFields.Requisite()),
        "crm.company.update" => UpdateCompany(p, rawBody),
        "crm.requisite.update" => UpdateRequisite(p, rawBody),
        "crm.timeline.comment.add" => AddComment(p, rawBody),
        "crm.activity.todo.add" => AddTodo(p, rawBody),
        "batch" => BitrixCallResult.Fail(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage"),
        _ => BitrixCallResult.Fail(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"),
    };

    private BitrixCallResult StageHistory(BitrixParams p)
    {
        if (p.Get("entityTypeId") != "2")
        {
            return BitrixCallResult.Fail(400, "ENTITY_TYPE_NOT_SUPPORTED", "Entity type is not supported");
        }

        var list = _lists.List(BitrixEntity.StageHistory, p);
        return list with { Value = new Dictionary<string, object?> { ["items"] = list.Value } };
    }

    private static BitrixCallResult Categories(BitrixParams p)
    {
        if (p.Get("entityTypeId") != "2")
        {
            return BitrixCallResult.Fail(400, "ENTITY_TYPE_NOT_SUPPORTED", "Entity type is not supported");
        }

        var category = new Dictionary<string, object?>
        {
            ["id"] = PortalPipeline.BitrixCategoryId,
            ["name"] = "Общая",
            ["sort"] = 100,
            ["entityTypeId"] = 2,
            ["isDefault"] = "Y",
        };
        return new BitrixCallResult(new Dictionary<string, object?> { ["categories"] = new[] { category } }, Total: 1);
    }

    private static BitrixCallResult Statuses(BitrixParams p)
    {
        var filter = new BitrixFilter(p.Map("filter"));
        var rows = PortalPipeline.Stages.Select((stage, i) =>
        {
            var semantics = stage.Semantics switch { StageSemantics.Won => "success", StageSemantics.Lost => "failure", _ => "process" };
            return new BitrixRow()
                .Add("ID", (i + 1).ToString(CultureInfo.InvariantCulture)).Add("ENTITY_ID", "DEAL_STAGE").Add("STATUS_ID", stage.BitrixId)
                .Add("NAME", stage.Name).Add("NAME_INIT", stage.Name).Add("SORT", stage.Sort.ToString(CultureInfo.InvariantCulture))
                .Add("SYSTEM", stage.Semantics == StageSemantics.Open && i > 0 ? "N" : "Y").Add("CATEGORY_ID", "0").Add("COLOR", "#39A8EF")
                .Add("SEMANTICS", stage.Semantics == StageSemantics.Open ? null : BitrixRows.Semantic(stage.Semantics))
                .Add("EXTRA", new Dictionary<string, object?> { ["SEMANTICS"] = semantics, ["COLOR"] = "#39A8EF" });
        }).Where(filter.Matches).ToList();
        return new BitrixCallResult(rows, Total: rows.Count);
    }

    private static BitrixCallResult Users(BitrixParams p)
    {
        var filter = new BitrixFilter(p.Map("FILTER").Count > 0 ? p.Map("FILTER") : p.Map("filter"));
        var rows = PortalUsers.All.Select(BitrixRows.UserRow).Where(filter.Matches).ToList();
        return new BitrixCallResult(rows, Total: rows.Count);
    }

    /// <summary>user.current: the webhook's own user (the USER_ID in its path).</summary>
    private BitrixCallResult CurrentUser() =>
        PortalUsers.All.FirstOrDefault(u => u.BitrixId == webhookUserId) is { } user
            ? new BitrixCallResult(BitrixRows.UserRow(user))
            : BitrixCallResult.Fail(401, "NO_AUTH_FOUND", "Wrong authorization data");

    private BitrixCallResult UpdateCompany(BitrixParams p, string rawBody)
    {
        if (!long.TryParse(p.Get("id") ?? p.Get("ID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            || state.FindCompany(CrmKind.Bitrix24, id) is not { } company)
        {
            return BitrixCallResult.Fail(400, "", "Not found");
        }

        var fields = p.Map("fields");
        int? owner = null;
        if (fields.TryGetValue("ASSIGNED_BY_ID", out var assigned))
        {
            var user = PortalUsers.ByCrmId(CrmKind.Bitrix24, long.Parse(BitrixParams.Text(assigned), CultureInfo.InvariantCulture));
            if (user < 0)
            {
                return BitrixCallResult.Fail(400, "", "Responsible user not found.");
            }

            owner = user;
        }

        state.Touch(company.Index, owner);
        state.Capture(CrmKind.Bitrix24, "crm.company.update", id, rawBody);
        return new BitrixCallResult(true);
    }

    /// <summary>Every company with an INN has one requisite, with the company's id (BitrixEntity.Requisite).</summary>
    private BitrixCallResult UpdateRequisite(BitrixParams p, string rawBody)
    {
        if (!long.TryParse(p.Get("id") ?? p.Get("ID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            || state.FindCompany(CrmKind.Bitrix24, id) is not { Inn: not null } company)
        {
            return BitrixCallResult.Fail(400, "", $"The Requisite with ID '{p.Get("id") ?? p.Get("ID")}' is not found");
        }

        if (p.Map("fields").Count == 0)
        {
            return BitrixCallResult.Fail(400, "", "Fields are not specified.");
        }

        state.Capture(CrmKind.Bitrix24, "crm.requisite.update", company.Id, rawBody);
        return new BitrixCallResult(true);
    }

    private BitrixCallResult AddComment(BitrixParams p, string rawBody)
    {
        var fields = p.Map("fields");
        if (fields.Count == 0 || !fields.TryGetValue("ENTITY_ID", out var entityId) || !fields.ContainsKey("COMMENT"))
        {
            return BitrixCallResult.Fail(400, "", "Required fields are missing: ENTITY_ID, ENTITY_TYPE, COMMENT.");
        }

        var entity = long.Parse(BitrixParams.Text(entityId), CultureInfo.InvariantCulture);
        state.Capture(CrmKind.Bitrix24, "crm.timeline.comment.add", entity, rawBody);
        return new BitrixCallResult(state.Add(CrmKind.Bitrix24, WrittenKind.Comment, entity, BitrixParams.Text(fields["COMMENT"])));
    }

    private BitrixCallResult AddTodo(BitrixParams p, string rawBody)
    {
        if (!long.TryParse(p.Get("ownerId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ownerId) || p.Get("deadline") is null)
        {
            return BitrixCallResult.Fail(400, "", "Required parameters are missing: ownerTypeId, ownerId, deadline.");
        }

        state.Capture(CrmKind.Bitrix24, "crm.activity.todo.add", ownerId, rawBody);
        var id = state.Add(CrmKind.Bitrix24, WrittenKind.Todo, ownerId, p.Get("description") ?? "");
        return new BitrixCallResult(new Dictionary<string, object?> { ["id"] = id });
    }

    /// <summary>crm.timeline.comment.list: ENTITY_ID and ENTITY_TYPE are required; the comments clients added, newest first.</summary>
    private BitrixCallResult Comments(BitrixParams p)
    {
        var filter = p.Map("filter");
        if (!filter.TryGetValue("ENTITY_ID", out var entityId) || !filter.TryGetValue("ENTITY_TYPE", out var entityType)
            || !long.TryParse(BitrixParams.Text(entityId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            return BitrixCallResult.Fail(400, "", "ENTITY_ID and ENTITY_TYPE are required in the filter.");
        }

        var rows = BitrixParams.Text(entityType).Equals("company", StringComparison.OrdinalIgnoreCase)
            ? state.WrittenOn(CrmKind.Bitrix24, WrittenKind.Comment, id).Take(50).Select(c => new BitrixRow()
                .Add("ID", c.Id.ToString(CultureInfo.InvariantCulture)).Add("ENTITY_ID", id.ToString(CultureInfo.InvariantCulture))
                .Add("ENTITY_TYPE", "company").Add("CREATED", c.At.ToOffset(state.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
                .Add("COMMENT", c.Text).Add("AUTHOR_ID", "1")).ToList()
            : [];
        return new BitrixCallResult(rows, Total: rows.Count);
    }

    private static bool IsTodoQuery(BitrixParams p) =>
        p.Map("filter").TryGetValue("PROVIDER_ID", out var provider) && BitrixParams.Text(provider) == "CRM_TODO";

    /// <summary>crm.activity.list filtered by PROVIDER_ID CRM_TODO and OWNER_ID: the to-dos clients added, newest first.</summary>
    private BitrixCallResult Todos(BitrixParams p)
    {
        var filter = p.Map("filter");
        var owner = filter.TryGetValue("OWNER_ID", out var raw) && long.TryParse(BitrixParams.Text(raw), NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : -1;
        var rows = state.WrittenOn(CrmKind.Bitrix24, WrittenKind.Todo, owner).Take(50).Select(t => new BitrixRow()
            .Add("ID", t.Id.ToString(CultureInfo.InvariantCulture)).Add("OWNER_ID", owner.ToString(CultureInfo.InvariantCulture))
            .Add("OWNER_TYPE_ID", "4").Add("PROVIDER_ID", "CRM_TODO").Add("DESCRIPTION", t.Text)).ToList();
        return new BitrixCallResult(rows, Total: rows.Count);
    }
}
