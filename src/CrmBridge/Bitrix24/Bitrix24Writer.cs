using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Outbox;
using CrmBridge.Sync;

namespace CrmBridge.Bitrix24;

/// <summary>
/// Write-backs with the documented bodies (crm-api.md 1.6). Setting an owner is idempotent and retried; adding a
/// comment or a to-do is not: after an ambiguous failure it is reported as permanent so the outbox never adds twice.
/// </summary>
internal sealed class Bitrix24Writer(Bitrix24Transport transport, Bitrix24Webhook webhook)
{
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

    private async Task WriteAsync(string method, JsonObject body, CallSafety safety, string companyId, CancellationToken cancellationToken)
    {
        BitrixReply reply;
        try
        {
            reply = await transport.CallAsync(method, body, safety, cancellationToken);
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

        if (reply.Result.ValueKind is JsonValueKind.False or JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw new PermanentActionException($"Bitrix24 portal {webhook.Host}: {method} on company {companyId} returned no result.");
        }
    }

    private static long Number(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PermanentActionException($"'{id}' is not a Bitrix24 id.");
}
