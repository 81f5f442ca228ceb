using Microsoft.AspNetCore.Http;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>application/problem+json error replies.</summary>
internal static class AmoProblem
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, string? hint = null) =>
        SandboxJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            if (hint is not null)
            {
                w.WriteString("hint", hint);
            }

            w.WriteString("title", title);
            w.WriteString("type", $"https://httpstatus.es/{status}");
            w.WriteNumber("status", status);
            w.WriteString("detail", detail);
            w.WriteEndObject();
        }, "application/problem+json");

    public static Task ValidationAsync(HttpContext context, string path, string detail) =>
        SandboxJson.WriteAsync(context, 400, w =>
        {
            w.WriteStartObject();
            w.WriteString("title", "Bad Request");
            w.WriteString("type", "https://httpstatus.es/400");
            w.WriteNumber("status", 400);
            w.WriteString("detail", "Request validation failed");
            w.WriteStartArray("validation-errors");
            w.WriteStartObject();
            w.WriteString("request_id", "0");
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("code", "NotSupportedChoice");
            w.WriteString("path", path);
            w.WriteString("detail", detail);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }, "application/problem+json");
}
