using System.Globalization;
using System.Net;
using CrmBridge.AmoCrm.Api;
using CrmBridge.AmoCrm.Mapping;
using CrmBridge.Core.Model;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Refit;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Write-backs the outbox asks for. The owner PATCH is idempotent by nature; a task or note carries the action's
/// marker and, when the previous attempt may have landed before its reply was lost, is looked for on the card first.
/// </summary>
internal sealed class AmoCompanyWriter(IAmoCrmApi api, AmoCrmOptions options, TimeProvider time, ILogger logger)
{
    private readonly string account = options.Account;

    /// <summary>AMOPHP README: at most 50 entities per write.</summary>
    public const int MaxBatch = 50;

    /// <summary>How far back a retried comment is looked for.</summary>
    private static readonly TimeSpan RecentNotes = TimeSpan.FromDays(7);

    public async Task ReassignAsync(IReadOnlyList<(CrmRef Company, string NewOwnerId)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var updates = changes.Select(c => new AmoCompanyOwnerUpdate(CompanyId(c.Company), UserId(c.NewOwnerId))).ToList();
        foreach (var chunk in updates.Chunk(MaxBatch))
        {
            await WriteAsync("reassign", () => api.UpdateCompaniesAsync(chunk, cancellationToken));
        }
    }

    /// <summary>
    /// POST /api/v4/tasks with the action's marker in the text; when an earlier attempt may have landed, the card's open
    /// tasks (GET /api/v4/tasks?filter[entity_type]=companies&amp;filter[entity_id]=ID) are searched for it first.
    /// </summary>
    public async Task AddTaskAsync(CrmRef company, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var task = new AmoNewTask(marker.Apply(title), AmoTime.ToUnix(deadline), CompanyId(company), "companies", AmoTask.CallType, UserId(responsibleId));
        if (marker.CheckFirst)
        {
            var open = await ReadAsync("tasks", () => api.GetTasksAsync(
                new AmoListQuery { Limit = 250, EntityType = "companies", EntityId = task.EntityId },
                cancellationToken));
            if (open?.Items.Any(i => i.Value?.Text?.Contains(marker.Tag, StringComparison.Ordinal) == true) == true)
            {
                AmoCrmLog.WriteAlreadyDone(logger, account, "task", task.EntityId);
                return;
            }
        }

        await WriteAsync("task", () => api.AddTasksAsync([task], cancellationToken));
    }

    /// <summary>
    /// POST /api/v4/companies/notes with the marker in the text; checked for first in the card's recent notes
    /// (GET /api/v4/companies/{id}/notes) when an earlier attempt may have landed.
    /// </summary>
    public async Task AddCommentAsync(CrmRef company, string text, WriteMarker marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var note = new AmoNewNote(CompanyId(company), AmoNote.Common, new AmoNoteParams(marker.Apply(text), null, null, null));
        if (marker.CheckFirst)
        {
            var recent = await ReadAsync("notes", () => api.GetNotesOfCompanyAsync(
                note.EntityId,
                new AmoListQuery { Limit = 250, NoteTypes = [AmoNote.Common], UpdatedFrom = AmoTime.ToUnix(time.GetUtcNow() - RecentNotes) },
                cancellationToken));
            if (recent?.Items.Any(i => i.Value?.Params?.Text?.Contains(marker.Tag, StringComparison.Ordinal) == true) == true)
            {
                AmoCrmLog.WriteAlreadyDone(logger, account, "note", note.EntityId);
                return;
            }
        }

        await WriteAsync("note", () => api.AddCompanyNotesAsync([note], cancellationToken));
    }

    /// <summary>
    /// amoCRM has no standard KPP/OGRN field (crm-api.md 2.3): values go only to the configured custom fields, and only
    /// where the card, read again just now, still has no value, so nothing a person entered since the plan is overwritten.
    /// </summary>
    public async Task FillEmptyFieldsAsync(CrmRef company, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var id = CompanyId(company);
        var targets = fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => Target(f.Key, f.Value)).ToList();
        var unconfigured = targets.Where(t => t.Id is null && t.Code is null).ToList();
        if (unconfigured.Count == targets.Count)
        {
            throw new PermanentActionException(
                $"amoCRM {account}: no company field is configured for {string.Join(", ", unconfigured.Select(t => t.Name))}; "
                + $"set {string.Join(" or ", unconfigured.Select(t => t.Settings))} to write registry values into company {id}.");
        }

        if (unconfigured.Count > 0)
        {
            AmoCrmLog.FieldsNotConfigured(logger, account, id, unconfigured.Select(t => t.Name), unconfigured.Select(t => t.Settings));
        }

        var page = await AmoCalls.UnwrapAsync(() => api.GetCompaniesAsync(new AmoListQuery { Limit = 1, Id = id }, cancellationToken));
        var found = page?.Items.Select(i => i.Value).FirstOrDefault(c => c?.Id == id)
            ?? throw new PermanentActionException($"amoCRM {account}: company {id} is not there any more; the registry values are not written.");
        var current = new AmoCompanyMapper(options, account, (_, _) => { }).Map(found, null);
        if (inn is not null && !string.Equals(current.Inn?.Trim(), inn.Trim(), StringComparison.Ordinal))
        {
            throw new PermanentActionException($"amoCRM {account}: company {id} no longer has INN {inn}; the registry values are not written.");
        }

        var writes = targets.Where(t => (t.Id is not null || t.Code is not null) && string.IsNullOrWhiteSpace(t.Name == CompanyFieldsPayload.Kpp ? current.Kpp : current.Ogrn))
            .Select(t => new AmoFieldWrite(t.Id, t.Code, [new AmoFieldWriteValue(t.Value)]))
            .ToList();
        if (writes.Count == 0)
        {
            AmoCrmLog.FieldsAlreadyFilled(logger, account, id, fields.Keys);
            return;
        }

        await WriteAsync("field update", () => api.UpdateCompanyFieldsAsync([new AmoCompanyFieldsUpdate(id, writes)], cancellationToken));
    }

    private FieldTarget Target(string name, string value) => name switch
    {
        CompanyFieldsPayload.Kpp => new(name, value, options.KppFieldId, Blank(options.KppFieldCode), "AmoCrm:KppFieldId (or KppFieldCode)"),
        CompanyFieldsPayload.Ogrn => new(name, value, options.OgrnFieldId, Blank(options.OgrnFieldCode), "AmoCrm:OgrnFieldId (or OgrnFieldCode)"),
        _ => throw new PermanentActionException($"No amoCRM company field is known for '{name}'."),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// A 400/404/422 will fail the same way again: the outbox records it instead of retrying. Another error answer
    /// (after the handler's retries) wrote nothing; a 5xx, a timeout or a cut connection may have written it.
    /// </summary>
    private async Task WriteAsync(string what, Func<Task> write)
    {
        try
        {
            await AmoCalls.UnwrapAsync(write);
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound
            or HttpStatusCode.UnprocessableEntity)
        {
            var problem = AmoProblem.TryParse(exception.Content)?.Describe();
            throw new PermanentActionException(
                $"amoCRM {account} refused the {what}: {(int)exception.StatusCode} {exception.StatusCode}"
                + (string.IsNullOrEmpty(problem) ? "." : $" ({problem})."),
                exception);
        }
        catch (ApiException exception) when ((int)exception.StatusCode < 500)
        {
            throw new ActionNotDoneException($"amoCRM {account} answered {(int)exception.StatusCode} {exception.StatusCode} to the {what}; nothing was written.", null, exception);
        }
        catch (ApiException exception)
        {
            throw new ActionOutcomeUnknownException($"amoCRM {account} answered {(int)exception.StatusCode} {exception.StatusCode} to the {what}; it may have been written.", exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or OperationCanceledException { CancellationToken.IsCancellationRequested: false }
            or ApiRequestException)
        {
            if (HttpRetries.IsNeverSent(exception) || HttpRetries.IsNeverSent(exception.InnerException))
            {
                throw new ActionNotDoneException($"amoCRM {account}: the {what} did not go out (no connection).", null, exception);
            }

            throw new ActionOutcomeUnknownException($"amoCRM {account}: the {what} got no answer (timeout or a cut connection); it may have been written.", exception);
        }
    }

    /// <summary>A read before a write: whatever goes wrong, nothing was written yet.</summary>
    private async Task<T> ReadAsync<T>(string what, Func<Task<T>> read)
    {
        try
        {
            return await AmoCalls.UnwrapAsync(read);
        }
        catch (Exception exception) when (exception is ApiException or HttpRequestException or TimeoutException or ApiRequestException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false })
        {
            throw new ActionNotDoneException($"amoCRM {account}: reading the card's {what} failed ({exception.Message}); nothing was written.", null, exception);
        }
    }

    private long CompanyId(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (company.Crm != CrmKind.AmoCrm || company.Account != account)
        {
            throw new PermanentActionException($"{company} is not a company of amoCRM {account}.");
        }

        return ParseId(company.Id, $"{company} has no numeric amoCRM id.");
    }

    private static long UserId(string userId) => ParseId(userId, $"'{userId}' is not an amoCRM user id.");

    private static long ParseId(string text, string error) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new PermanentActionException(error);

    private sealed record FieldTarget(string Name, string Value, long? Id, string? Code, string Settings);
}
