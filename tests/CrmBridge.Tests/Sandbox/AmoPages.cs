using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmBridge.Tests.Sandbox;

/// <summary>Reads an amoCRM list by following _links.next until it ends or a 204 comes.</summary>
internal static class AmoPages
{
    public static async Task<List<JsonElement>> ReadAllAsync(SandboxFixture sandbox, string url, string embedded)
    {
        var rows = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            using var response = await sandbox.Http.SendAsync(sandbox.Amo(HttpMethod.Get, next));
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                break;
            }

            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            rows.AddRange(page.GetProperty("_embedded").GetProperty(embedded).EnumerateArray());
            next = page.GetProperty("_links").TryGetProperty("next", out var link) ? link.GetProperty("href").GetString() : null;
        }

        return rows;
    }
}
