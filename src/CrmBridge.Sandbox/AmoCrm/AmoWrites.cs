using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;
using Microsoft.AspNetCore.Http;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>PATCH /companies (reassign, custom field values), POST /tasks, POST /companies/notes: arrays of at most 50 entities.</summary>
internal sealed class AmoWrites(SandboxState state)
{
    private const int MaxEntities = 50;

    public async Task PatchCompaniesAsync(HttpContext context)
    {
        var (items, raw) = await ReadArrayAsync(context);
        if (items is null)
        {
            return;
        }

        var updates = new List<(PortalCompany Company, int? Owner, string? RequestId)>();
        foreach (var item in items)
        {
            if (!item.TryGetProperty("id", out var id) || !id.TryGetInt64(out var companyId) || state.FindCompany(CrmKind.AmoCrm, companyId) is not { } company)
            {
                await AmoProblem.ValidationAsync(context, "id", "Company not found");
                return;
            }

            int? owner = null;
            if (item.TryGetProperty("responsible_user_id", out var responsible))
            {
                owner = responsible.TryGetInt64(out var userId) ? PortalUsers.ByCrmId(CrmKind.AmoCrm, userId) : -1;
                if (owner < 0)
                {
                    await AmoProblem.ValidationAsync(context, "responsible_user_id", "User not found");
                    return;
                }
            }

            if (UnknownField(item) is { } field)
            {
                await AmoProblem.ValidationAsync(context, "custom_fields_values", $"Field {field} not found");
                return;
            }

            updates.Add((company, owner, RequestId(item)));
        }

        var written = updates.Select(u =>
        {
            var stamp = state.Touch(u.Company.Index, u.Owner);
            state.Capture(CrmKind.AmoCrm, "companies.patch", u.Company.Id, raw);
            return (u.Company.Id, Updated: (long?)AmoJson.Unix(stamp), u.RequestId);
        }).ToList();
        await ReplyAsync(context, "companies", written);
    }

    public async Task AddTasksAsync(HttpContext context)
    {
        var (items, raw) = await ReadArrayAsync(context);
        if (items is null)
        {
            return;
        }

        if (items.FirstOrDefault(i => !i.TryGetProperty("text", out _) || !i.TryGetProperty("complete_till", out _)) is { ValueKind: JsonValueKind.Object })
        {
            await AmoProblem.ValidationAsync(context, "complete_till", "text and complete_till are required");
            return;
        }

        var created = items.Select(i =>
        {
            var entityId = i.TryGetProperty("entity_id", out var e) && e.TryGetInt64(out var v) ? v : 0;
            state.Capture(CrmKind.AmoCrm, "tasks.add", entityId, raw);
            return (state.Add(CrmKind.AmoCrm, WrittenKind.Task, entityId, i.GetProperty("text").GetString() ?? ""), (long?)null, RequestId(i));
        }).ToList();
        await ReplyAsync(context, "tasks", created);
    }

    public async Task AddNotesAsync(HttpContext context)
    {
        var (items, raw) = await ReadArrayAsync(context);
        if (items is null)
        {
            return;
        }

        if (items.FirstOrDefault(i => !i.TryGetProperty("entity_id", out _) || !i.TryGetProperty("note_type", out _)) is { ValueKind: JsonValueKind.Object })
        {
            await AmoProblem.ValidationAsync(context, "note_type", "entity_id and note_type are required");
            return;
        }

        var created = items.Select(i =>
        {
            var entityId = i.GetProperty("entity_id").TryGetInt64(out var v) ? v : 0;
            state.Capture(CrmKind.AmoCrm, "companies.notes.add", entityId, raw);
            var text = i.TryGetProperty("params", out var prm) && prm.ValueKind == JsonValueKind.Object && prm.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            return (state.Add(CrmKind.AmoCrm, WrittenKind.Note, entityId, text), (long?)null, RequestId(i));
        }).ToList();
        await ReplyAsync(context, "notes", created);
    }

    /// <summary>GET /api/v4/companies/{id}/notes: the notes clients added to the card, newest first; 204 when none.</summary>
    public Task CompanyNotesAsync(HttpContext context, long companyId) =>
        WrittenAsync(context, "notes", state.WrittenOn(CrmKind.AmoCrm, WrittenKind.Note, companyId), (w, note) =>
        {
            w.WriteString("note_type", "common");
            w.WriteStartObject("params");
            w.WriteString("text", note.Text);
            w.WriteEndObject();
        });

    /// <summary>GET /api/v4/tasks?filter[entity_id]=ID: the tasks clients added to the card, newest first; 204 when none.</summary>
    public Task CompanyTasksAsync(HttpContext context, long companyId) =>
        WrittenAsync(context, "tasks", state.WrittenOn(CrmKind.AmoCrm, WrittenKind.Task, companyId), (w, task) =>
        {
            w.WriteString("entity_type", "companies");
            w.WriteString("text", task.Text);
            w.WriteBoolean("is_completed", false);
            w.WriteNumber("task_type_id", 1);
            w.WriteNumber("complete_till", task.At.AddDays(1).ToUnixTimeSeconds());
        });

    private static Task WrittenAsync(HttpContext context, string name, IReadOnlyList<WrittenItem> items, Action<Utf8JsonWriter, WrittenItem> write)
    {
        if (items.Count == 0)
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }

        return SandboxJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("_page", 1);
            w.WriteStartObject("_embedded");
            w.WriteStartArray(name);
            foreach (var item in items.Take(250))
            {
                w.WriteStartObject();
                w.WriteNumber("id", item.Id);
                w.WriteNumber("entity_id", item.EntityId);
                w.WriteNumber("created_at", item.At.ToUnixTimeSeconds());
                w.WriteNumber("updated_at", item.At.ToUnixTimeSeconds());
                write(w, item);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }, "application/hal+json");
    }

    /// <summary>The first custom field written that the account does not have (by field_id or field_code), if any.</summary>
    private static string? UnknownField(JsonElement item)
    {
        if (!item.TryGetProperty("custom_fields_values", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var field in fields.EnumerateArray())
        {
            var known = field.ValueKind == JsonValueKind.Object && (
                field.TryGetProperty("field_id", out var id) && id.TryGetInt64(out var fieldId) && AmoCustomFields.Companies.Any(f => f.Id == fieldId)
                || field.TryGetProperty("field_code", out var code) && AmoCustomFields.Companies.Any(f => f.Code is not null && f.Code == code.GetString()));
            if (!known)
            {
                return field.ValueKind == JsonValueKind.Object && field.TryGetProperty("field_id", out var raw) ? raw.GetRawText() : field.GetRawText();
            }
        }

        return null;
    }

    private static string? RequestId(JsonElement item) =>
        item.TryGetProperty("request_id", out var r) ? r.ValueKind == JsonValueKind.String ? r.GetString() : r.GetRawText() : null;

    private static async Task<(List<JsonElement>? Items, string Raw)> ReadArrayAsync(HttpContext context)
    {
        var raw = await SandboxJson.ReadBodyAsync(context.Request);
        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Select(e => e.Clone()).ToList() : [root.Clone()];
            if (items.Count is 0 or > MaxEntities || items.Any(i => i.ValueKind != JsonValueKind.Object))
            {
                await AmoProblem.ValidationAsync(context, "", $"Send from 1 to {MaxEntities} objects");
                return (null, raw);
            }

            return (items, raw);
        }
        catch (JsonException)
        {
            await AmoProblem.WriteAsync(context, 400, "Bad Request", "Body is not JSON");
            return (null, raw);
        }
    }

    private static Task ReplyAsync(HttpContext context, string name, IEnumerable<(long Id, long? UpdatedAt, string? RequestId)> items) =>
        SandboxJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("_links");
            w.WriteStartObject("self");
            w.WriteString("href", $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("_embedded");
            w.WriteStartArray(name);
            foreach (var (id, updated, requestId) in items)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id);
                if (updated is { } at)
                {
                    w.WriteNumber("updated_at", at);
                }

                if (requestId is not null)
                {
                    w.WriteString("request_id", requestId);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }, "application/hal+json");
}
