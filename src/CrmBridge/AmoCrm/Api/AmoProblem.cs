using System.Text.Json;

namespace CrmBridge.AmoCrm.Api;

/// <summary>
/// An application/problem+json error body: {"title","type","status","detail","hint"}. Blocked accounts answer with
/// nginx HTML instead (amocrm/amocrm-api-php#434), so parsing never throws.
/// </summary>
internal sealed record AmoProblem(string? Title = null, int? Status = null, string? Detail = null, string? Hint = null)
{
    private const int MaxPartLength = 200;

    public static AmoProblem? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AmoProblem>(body, AmoJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool IsRevokedToken => Hint?.Contains("revoked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Title, detail and hint in one short line for an error message; server text only, cut to size.</summary>
    public string Describe() =>
        string.Join(" - ", new[] { Title, Detail, Hint }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Cut));

    private static string Cut(string? part) => part!.Length <= MaxPartLength ? part : part[..MaxPartLength] + "...";
}
