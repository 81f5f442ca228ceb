using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24;

/// <summary>
/// Write-backs with the documented bodies (crm-api.md 1.6). Setting an owner is idempotent and retried; adding a
/// comment or a to-do is not: after an ambiguous failure it is reported as permanent so the outbox never adds twice.
/// Filling empty requisite fields re-reads the requisite first, so it is idempotent too.
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

    public Task AddCommentAsync(string companyId, string text, CancellationToken cancellationToken) =>
        WriteAsync(
            "crm.timeline.comment.add",
            new JsonObject
            {
                // Lowercase "fields" is required since crm 23.100.0 (b24restdocs crm-timeline-comment-add.md).
                ["fields"] = new JsonObject { ["ENTITY_ID"] = Number(companyId), ["ENTITY_TYPE"] = "company", ["COMMENT"] = text },
            },
            CallSafety.NotIdempotent,
            companyId,
            cancellationToken);

    public Task AddTaskAsync(string companyId, string responsibleId, string title, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        WriteAsync(
            "crm.activity.todo.add",
            new JsonObject
            {
                ["ownerTypeId"] = 4,
                ["ownerId"] = Number(companyId),
                ["deadline"] = deadline.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["title"] = title,
                ["responsibleId"] = Number(responsibleId),
            },
            CallSafety.NotIdempotent,
            companyId,
            cancellationToken);

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
        catch (Bitrix24TransientException ex) when (safety == CallSafety.NotIdempotent && !ex.RejectedBeforeExecution)
        {
            throw new PermanentActionException(
                $"{ex.Message} The outcome is unknown, so {method} is not repeated (it would add a duplicate); check {CardUrl(companyId)}.");
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
