using System.Globalization;
using System.Net;
using System.Text.Json;
using CrmBridge.Sandbox.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmBridge.Sandbox.Registry;

/// <summary>
/// A DaData-like JSON provider (findById/party) and a plain HTML registry page, both answering from the portal's
/// legal identities: planted liquidated companies are LIQUIDATED, a head office with a branch has branch_count 1.
/// </summary>
internal sealed class RegistryEndpoints(SandboxState state, SandboxOptions options, SandboxCounters counters)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/suggestions/api/4_1/rs/findById/party", FindByIdAsync);
        app.MapGet("/registry/{inn}", PageAsync);
    }

    private async Task FindByIdAsync(HttpContext context)
    {
        counters.Count(SandboxService.Registry);
        if (context.Request.Headers.Authorization.ToString() != "Token " + options.DaDataToken)
        {
            await SandboxJson.WriteAsync(context, 401, w =>
            {
                w.WriteStartObject();
                w.WriteString("family", "CLIENT_ERROR");
                w.WriteString("reason", "Unauthorized");
                w.WriteString("message", "Zero or invalid API key");
                w.WriteEndObject();
            });
            return;
        }

        string? query = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            query = document.RootElement.TryGetProperty("query", out var q) ? q.GetString() : null;
        }
        catch (JsonException)
        {
            // Handled below as a bad request.
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var entry = state.Portal.Registry(query.Trim());
        await SandboxJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("suggestions");
            if (entry is not null)
            {
                Suggestion(w, entry);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Suggestion(Utf8JsonWriter w, RegistryEntry e)
    {
        static long Ms(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        w.WriteStartObject();
        w.WriteString("value", e.ShortName);
        w.WriteString("unrestricted_value", e.FullName);
        w.WriteStartObject("data");
        w.WriteString("kpp", e.Kpp);
        w.WriteStartObject("management");
        w.WriteString("name", e.Director);
        w.WriteString("post", e.SoleTrader ? null : "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР");
        w.WriteEndObject();
        w.WriteString("branch_type", "MAIN");
        w.WriteNumber("branch_count", e.BranchCount);
        w.WriteString("type", e.SoleTrader ? "INDIVIDUAL" : "LEGAL");
        w.WriteStartObject("state");
        w.WriteString("status", e.Status);
        w.WriteNumber("registration_date", Ms(e.RegisteredOn));
        w.WriteNumber("actuality_date", Ms(e.RegisteredOn.AddYears(1)));
        if (e.Status == "LIQUIDATED")
        {
            w.WriteNumber("liquidation_date", Ms(e.RegisteredOn.AddYears(2)));
        }
        else
        {
            w.WriteNull("liquidation_date");
        }

        w.WriteEndObject();
        w.WriteStartObject("opf");
        w.WriteString("short", e.ShortName.Split(' ')[0]);
        w.WriteEndObject();
        w.WriteStartObject("name");
        w.WriteString("full_with_opf", e.FullName);
        w.WriteString("short_with_opf", e.ShortName);
        w.WriteEndObject();
        w.WriteString("inn", e.Inn);
        w.WriteString("ogrn", e.Ogrn);
        w.WriteNumber("ogrn_date", Ms(e.RegisteredOn));
        w.WriteString("okved", e.Okved);
        w.WriteNumber("employee_count", e.EmployeeCount);
        w.WriteStartObject("finance");
        w.WriteNumber("revenue", e.Revenue);
        w.WriteNumber("year", 2025);
        w.WriteEndObject();
        w.WriteStartObject("address");
        w.WriteString("value", e.Address);
        w.WriteString("unrestricted_value", e.Address);
        w.WriteStartObject("data");
        w.WriteString("region_with_type", e.Region);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private async Task PageAsync(HttpContext context, string inn)
    {
        counters.Count(SandboxService.Registry);
        var entry = state.Portal.Registry(inn);
        context.Response.ContentType = "text/html; charset=utf-8";
        if (entry is null)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("<!DOCTYPE html><html><body><p class=\"not-found\">Организация не найдена</p></body></html>", context.RequestAborted);
            return;
        }

        string H(string? text) => WebUtility.HtmlEncode(text ?? "");
        var status = entry.Status == "LIQUIDATED" ? "Ликвидирована" : "Действующая";
        var html = $"""
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><title>{H(entry.ShortName)}</title></head>
            <body><div class="company" data-inn="{H(entry.Inn)}">
            <h1 class="company-name">{H(entry.ShortName)}</h1>
            <dl>
            <dt>Полное наименование</dt><dd class="full-name">{H(entry.FullName)}</dd>
            <dt>ИНН</dt><dd class="inn">{H(entry.Inn)}</dd>
            <dt>КПП</dt><dd class="kpp">{H(entry.Kpp)}</dd>
            <dt>ОГРН</dt><dd class="ogrn">{H(entry.Ogrn)}</dd>
            <dt>Статус</dt><dd class="status" data-status="{H(entry.Status)}">{status}</dd>
            <dt>Дата регистрации</dt><dd class="registered">{entry.RegisteredOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}</dd>
            <dt>Руководитель</dt><dd class="director">{H(entry.Director)}</dd>
            <dt>Адрес</dt><dd class="address">{H(entry.Address)}</dd>
            <dt>Регион</dt><dd class="region">{H(entry.Region)}</dd>
            <dt>ОКВЭД</dt><dd class="okved">{H(entry.Okved)}</dd>
            <dt>Численность</dt><dd class="employees">{entry.EmployeeCount.ToString(CultureInfo.InvariantCulture)}</dd>
            <dt>Выручка</dt><dd class="revenue">{entry.Revenue.ToString("0", CultureInfo.InvariantCulture)}</dd>
            <dt>Филиалы</dt><dd class="branches">{entry.BranchCount.ToString(CultureInfo.InvariantCulture)}</dd>
            </dl></div></body></html>
            """;
        await context.Response.WriteAsync(html, context.RequestAborted);
    }
}
