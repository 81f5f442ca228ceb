using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24;

/// <summary>
/// Write-backs with the documented bodies (crm-api.md 1.6). Setting an owner is idempotent and retried; adding a
/// comment or a to-do is not: it carries the action's marker, a failure with an unknown outcome goes back to the outbox
/// as such, and the repeat looks for the marker on the card before writing. Filling empty requisite fields re-reads
/// the requisite first, so it is idempotent too.
/// </summary>
internal sealed class Bitrix24Writer(Bitrix24Transport transport, Bitrix24Webhook webhook, ILogger logger)
{
    private static readonly JsonArray RequisiteSelect = ["ID", "ENTITY_ID", "ACTIVE", "RQ_INN", "RQ_KPP", "RQ_OGRN", "RQ_OGRNIP"];

    public Uri CardUrl(string companyId) =>
        new($"{webhook.BaseAddress.Scheme}://{webhook.Host}/crm/company/details/{Number(companyId)}/");

    public Task ReassignCompanyAsync(string companyId, string newOwnerId, CancellationToken cancellationToken) =>
        WriteAsync(
            "crm.company.update",
            new JsonObject
            {
                ["id"] = Number(companyId),
                ["fields"] = new JsonObject { ["ASSIGNED_BY_ID"] = Number(newOwnerId) },
                ["params"] = new JsonObject { ["REGISTER_SONET_EVENT"] = "Y" },
            },
            CallSafety.Idempotent,
            companyId,
            cancellationToken);

    /// <summary>
    /// crm.timeline.comment.add with the action's marker in the text. When an earlier attempt may have landed, the card's
    /// latest comments (crm.timeline.comment.list, filter ENTITY_ID + ENTITY_TYPE, newest first) are searched for it first.
    /// </summary>
    public async Task AddCommentAsync(string companyId, string text, WriteMarker marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        if (marker.CheckFirst && await HasMarkerAsync(
            "crm.timeline.comment.list",
            new JsonObject
            {
                ["filter"] = new JsonObject { ["ENTITY_ID"] = Number(companyId), ["ENTITY_TYPE"] = "company" },
                ["select"] = new JsonArray("ID", "COMMENT"),
                ["order"] = new JsonObject { ["ID"] = "DESC" },
            },
            "COMMENT",
            marker,
            companyId,
            cancellationToken))
        {
            logger.WriteAlreadyDone(webhook.Host, "crm.timeline.comment.add", companyId);
            return;
        }

        await WriteAsync(
            "crm.timeline.comment.add",
            new JsonObject
            {
                // Lowercase "fields" is required since crm 23.100.0 (b24restdocs crm-timeline-comment-add.md).
                ["fields"] = new JsonObject { ["ENTITY_ID"] = Number(companyId), ["ENTITY_TYPE"] = "company", ["COMMENT"] = marker.Apply(text) },
            },
            CallSafety.NotIdempotent,
            companyId,
            cancellationToken);
    }

    /// <summary>
    /// crm.activity.todo.add with the marker as its description; checked for first through crm.activity.list
    /// (OWNER_TYPE_ID 4 + OWNER_ID + PROVIDER_ID CRM_TODO, newest first) when an earlier attempt may have landed.
    /// </summary>
    public async Task AddTaskAsync(string companyId, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        if (marker.CheckFirst && await HasMarkerAsync(
            "crm.activity.list",
            new JsonObject
            {
                ["filter"] = new JsonObject { ["OWNER_TYPE_ID"] = 4, ["OWNER_ID"] = Number(companyId), ["PROVIDER_ID"] = TodoProvider },
                ["select"] = new JsonArray("ID", "DESCRIPTION"),
                ["order"] = new JsonObject { ["ID"] = "DESC" },
            },
            "DESCRIPTION",
            marker,
            companyId,
            cancellationToken))
        {
            logger.WriteAlreadyDone(webhook.Host, "crm.activity.todo.add", companyId);
            return;
        }

        await WriteAsync(
            "crm.activity.todo.add",
            new JsonObject
            {
                ["ownerTypeId"] = 4,
                ["ownerId"] = Number(companyId),
                ["deadline"] = deadline.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["title"] = title,
                ["description"] = marker.Tag,
                ["responsibleId"] = Number(responsibleId),
            },
            CallSafety.NotIdempotent,
            companyId,
            cancellationToken);
    }

    /// <summary>The provider of to-dos added by crm.activity.todo.add, as crm.activity.list reports it.</summary>
    public const string TodoProvider = "CRM_TODO";

    /// <summary>The first page (the 50 newest) is enough: a repeat follows its first attempt within the outbox's backoff.</summary>
    private async Task<bool> HasMarkerAsync(string method, JsonObject body, string field, WriteMarker marker, string companyId, CancellationToken cancellationToken)
    {
        var reply = await CallAsync(method, body, CallSafety.Idempotent, companyId, cancellationToken);
        return reply.Result.ValueKind == JsonValueKind.Array
            && reply.Result.EnumerateArray().Any(row => row.ValueKind == JsonValueKind.Object
                && row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString()!.Contains(marker.Tag, StringComparison.Ordinal));
    }

    /// <summary>
    /// KPP/OGRN live in requisites (crm-api.md 1.3). Creating a requisite needs a preset that people choose, so a company
    /// without one is left to them; an existing requisite gets only the fields that are still empty right now.
    /// </summary>
    public async Task FillEmptyRequisiteFieldsAsync(string companyId, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var reply = await CallAsync(
            "crm.requisite.list",
            new JsonObject
            {
                ["filter"] = new JsonObject { ["ENTITY_TYPE_ID"] = 4, ["ENTITY_ID"] = Number(companyId) },
                ["select"] = RequisiteSelect.DeepClone(),
                ["order"] = new JsonObject { ["ID"] = "ASC" },
            },
            CallSafety.Idempotent,
            companyId,
            cancellationToken);
        var requisites = reply.Result.ValueKind == JsonValueKind.Array
            ? reply.Result.Deserialize<List<BitrixRequisite>>(BitrixJson.Options) ?? []
            : [];
        if (requisites.Count == 0)
        {
            throw new PermanentActionException(
                $"Bitrix24 company {companyId} has no requisite to put {string.Join(", ", fields.Keys)} into; creating one needs a preset, "
                + $"so it is left to people: {CardUrl(companyId)}");
        }

        var target = RequisiteFill.Target(requisites, inn)
            ?? throw new PermanentActionException(
                $"No requisite of Bitrix24 company {companyId} carries {(inn is null ? "an INN" : $"INN {inn} any more")}; "
                + $"the registry values are not written: {CardUrl(companyId)}");
        var update = RequisiteFill.EmptyFields(target, fields);
        if (update.Count == 0)
        {
            logger.RequisiteAlreadyFilled(webhook.Host, target.Id ?? "", companyId, fields.Keys);
            return;
        }

        await WriteAsync(
            "crm.requisite.update",
            new JsonObject { ["id"] = Number(target.Id ?? ""), ["fields"] = update },
            CallSafety.Idempotent,
            companyId,
            cancellationToken);
    }

    private async Task WriteAsync(string method, JsonObject body, CallSafety safety, string companyId, CancellationToken cancellationToken)
    {
        var reply = await CallAsync(method, body, safety, companyId, cancellationToken);
        if (reply.Result.ValueKind is JsonValueKind.False or JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw new PermanentActionException($"Bitrix24 portal {webhook.Host}: {method} on company {companyId} returned no result.");
        }
    }

    private async Task<BitrixReply> CallAsync(string method, JsonObject body, CallSafety safety, string companyId, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.CallAsync(method, body, safety, cancellationToken);
        }
        catch (Bitrix24TransientException ex) when (ex.RejectedBeforeExecution || method.EndsWith(".list", StringComparison.Ordinal))
        {
            // The portal said it did not run the method, or it was only a read: nothing was written.
            throw new ActionNotDoneException($"{ex.Message} Retries used up; nothing was written.", null, ex);
        }
        catch (Bitrix24TransientException ex)
        {
            // It may have landed: the outbox repeats it only after looking for its marker (or, for an update, freely).
            throw new ActionOutcomeUnknownException($"{ex.Message} The outcome of {method} on company {companyId} is unknown.", ex);
        }
        catch (Exception ex) when (ex is Bitrix24Exception and not Bitrix24TransientException)
        {
            throw new PermanentActionException(ex.Message);
        }
    }

    private static long Number(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PermanentActionException($"'{id}' is not a Bitrix24 id.");
}
