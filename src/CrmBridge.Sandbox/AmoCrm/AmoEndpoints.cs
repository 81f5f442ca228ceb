using System.Globalization;
using System.Text.Json;
using CrmBridge.Sandbox.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>amoCRM API v4 and its OAuth2 token endpoint, at the sandbox root (AmoCrmBaseUrl).</summary>
internal sealed class AmoEndpoints(SandboxState state, SandboxOptions options, SandboxCounters counters)
{
    private readonly AmoLists _lists = new(state);
    private readonly AmoTokens _tokens = new(options, state.Time);
    private readonly SlidingWindowLimiter _limiter = new(state.Time, options.AmoRequestsPerSecond);
    private readonly AmoWrites _writes = new(state);

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth2/access_token", TokenAsync);
        MapList(app, "/api/v4/companies", AmoEntity.Companies);
        MapList(app, "/api/v4/contacts", AmoEntity.Contacts);
        MapList(app, "/api/v4/leads", AmoEntity.Leads);
        MapList(app, "/api/v4/companies/notes", AmoEntity.Notes);
        app.MapGet("/api/v4/tasks", context => GuardedAsync(context, () => EntityId(context) is { } id ? _writes.CompanyTasksAsync(context, id) : ListAsync(context, AmoEntity.Tasks)));
        app.MapGet("/api/v4/companies/{id:long}/notes", context => GuardedAsync(context, () => _writes.CompanyNotesAsync(context, long.Parse((string)context.Request.RouteValues["id"]!, CultureInfo.InvariantCulture))));
        MapList(app, "/api/v4/events", AmoEntity.Events);
        app.MapGet("/api/v4/users", context => GuardedAsync(context, () => SandboxJson.WriteAsync(context, 200, w => AmoReference.Users(w), "application/hal+json")));
        app.MapGet("/api/v4/leads/pipelines", context => GuardedAsync(context, () => SandboxJson.WriteAsync(context, 200, w => AmoReference.Pipelines(w), "application/hal+json")));
        app.MapGet("/api/v4/companies/custom_fields", context => GuardedAsync(context, () => SandboxJson.WriteAsync(context, 200, w => AmoReference.CustomFields(w), "application/hal+json")));
        app.MapGet("/api/v4/contacts/custom_fields", context => GuardedAsync(context, () => SandboxJson.WriteAsync(context, 200, w => AmoReference.ContactCustomFields(w), "application/hal+json")));
        app.MapGet("/api/v4/leads/custom_fields", context => GuardedAsync(context, () => SandboxJson.WriteAsync(context, 200, w => AmoReference.LeadCustomFields(w), "application/hal+json")));
        app.MapMethods("/api/v4/companies", ["PATCH"], context => GuardedAsync(context, () => _writes.PatchCompaniesAsync(context)));
        app.MapPost("/api/v4/tasks", context => GuardedAsync(context, () => _writes.AddTasksAsync(context)));
        app.MapPost("/api/v4/companies/notes", context => GuardedAsync(context, () => _writes.AddNotesAsync(context)));
    }

    private void MapList(IEndpointRouteBuilder app, string path, AmoEntity entity) =>
        app.MapGet(path, context => GuardedAsync(context, () => ListAsync(context, entity)));

    /// <summary>filter[entity_id] (or filter[entity_id][]) of a task list: the tasks of one card.</summary>
    private static long? EntityId(HttpContext context)
    {
        var text = context.Request.Query["filter[entity_id]"].FirstOrDefault() ?? context.Request.Query["filter[entity_id][]"].FirstOrDefault();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private async Task GuardedAsync(HttpContext context, Func<Task> next)
    {
        counters.Count(SandboxService.AmoCrm);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.IsValidAccess(header[7..].Trim()))
        {
            await AmoProblem.WriteAsync(context, 401, "Unauthorized", "Unauthorized");
            return;
        }

        if (options.RateLimits && !_limiter.TryAcquire())
        {
            counters.Reject(SandboxService.AmoCrm);
            await AmoProblem.WriteAsync(context, 429, "Too Many Requests", "Too many requests");
            return;
        }

        await next();
    }

    private async Task ListAsync(HttpContext context, AmoEntity entity)
    {
        var query = AmoQuery.Parse(context.Request.Query, entity);
        if (query is null)
        {
            await AmoProblem.ValidationAsync(context, "page", "page and limit must be positive integers");
            return;
        }

        var rows = _lists.Page(entity, query, out var hasMore);
        if (rows.Count == 0)
        {
            context.Response.StatusCode = 204;
            return;
        }

        await SandboxJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("_page", query.Page);
            w.WriteStartObject("_links");
            Link(w, "self", context.Request, query.Page);
            if (hasMore)
            {
                Link(w, "next", context.Request, query.Page + 1);
            }

            w.WriteEndObject();
            w.WriteStartObject("_embedded");
            w.WriteStartArray(entity.Embedded);
            foreach (var row in rows)
            {
                row.Write(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }, "application/hal+json");
    }

    private static void Link(Utf8JsonWriter w, string name, HttpRequest request, int page)
    {
        var pairs = request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)));
        w.WriteStartObject(name);
        w.WriteString("href", $"{request.Scheme}://{request.Host}{request.Path}{QueryString.Create(pairs)}");
        w.WriteEndObject();
    }

    private async Task TokenAsync(HttpContext context)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            await AmoProblem.WriteAsync(context, 400, "Bad Request", "Body is not JSON");
            return;
        }

        string Text(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var p) ? p.GetString() ?? "" : "";
        if (Text("client_id") != options.AmoClientId || Text("client_secret") != options.AmoClientSecret)
        {
            await AmoProblem.WriteAsync(context, 401, "Unauthorized", "Client authentication failed", "Client authentication failed");
            return;
        }

        var issued = Text("grant_type") switch
        {
            "authorization_code" => _tokens.ExchangeCode(Text("code")),
            "refresh_token" => _tokens.Refresh(Text("refresh_token")),
            _ => null,
        };
        if (issued is not { } tokens)
        {
            var refresh = Text("grant_type") == "refresh_token";
            await AmoProblem.WriteAsync(context, refresh ? 401 : 400, refresh ? "Unauthorized" : "Bad Request",
                refresh ? "Refresh token is invalid" : "Authorization code is invalid", refresh ? "Token has been revoked" : "Authorization code has been revoked");
            return;
        }

        await SandboxJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (long)AmoTokens.AccessLifetime.TotalSeconds);
            w.WriteNumber("server_time", state.Time.GetUtcNow().ToUnixTimeSeconds());
            w.WriteString("access_token", tokens.Access);
            w.WriteString("refresh_token", tokens.Refresh);
            w.WriteEndObject();
        });
    }
}
