using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Html.Parser;
using CrmBridge.Foundation;

namespace CrmBridge.Enrichment.Html;

/// <summary>
/// How to read a registry's company page, from a JSON file, so a team can point CrmBridge at the page it trusts:
/// a URL template with {inn}, a CSS selector per field (see <see cref="HtmlRegistryFields"/>), an optional selector
/// that marks a "nothing found" page, status words and date formats.
/// </summary>
internal sealed record HtmlRegistryConfig
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Name { get; init; } = "html-registry";

    public string UrlTemplate { get; init; } = "";

    public string? NotFoundSelector { get; init; }

    public Dictionary<string, string> Fields { get; init; } = [];

    /// <summary>Status text on the page → RegistryStatus name (Active, Liquidating, Liquidated, Bankrupt, Reorganizing).</summary>
    public Dictionary<string, string> StatusMap { get; init; } = [];

    public List<string> DateFormats { get; init; } = ["dd.MM.yyyy", "yyyy-MM-dd", "d MMMM yyyy"];

    [JsonIgnore]
    public string? SourcePath { get; init; }

    public Uri PageUrl(string inn) => new(UrlTemplate.Replace("{inn}", Uri.EscapeDataString(inn), StringComparison.Ordinal));

    /// <summary>Reads and checks the file; every problem is one line naming the setting and the file.</summary>
    public static HtmlRegistryConfig Load(string path)
    {
        const string Key = $"{EnrichmentOptions.Section}:Html:ConfigPath";
        HtmlRegistryConfig? config;
        try
        {
            using var stream = File.OpenRead(path);
            config = JsonSerializer.Deserialize<HtmlRegistryConfig>(stream, JsonOptions);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ConfigurationException($"{Key}: cannot read '{path}': {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new ConfigurationException($"{Key}: '{path}' is empty");
        }

        var problems = config.Problems().Select(p => $"{Key}: '{path}': {p}").ToList();
        return problems.Count == 0
            ? config with { SourcePath = path }
            : throw new ConfigurationException(problems[0]) { Problems = problems };
    }

    private IEnumerable<string> Problems()
    {
        if (!UrlTemplate.Contains("{inn}", StringComparison.Ordinal) || !ConfigurationErrors.IsAbsoluteHttpUrl(UrlTemplate.Replace("{inn}", "0", StringComparison.Ordinal)))
        {
            yield return "urlTemplate must be an absolute http(s) URL containing {inn}";
        }

        if (Fields.Count == 0)
        {
            yield return "fields must map at least one field to a CSS selector";
        }

        var probe = new HtmlParser().ParseDocument("<html><body></body></html>");
        foreach (var (field, selector) in Fields.Append(new("notFoundSelector", NotFoundSelector ?? "body")))
        {
            if (field != "notFoundSelector" && !HtmlRegistryFields.All.Contains(field))
            {
                yield return $"unknown field '{field}'; known: {string.Join(", ", HtmlRegistryFields.All)}";
                continue;
            }

            string? error = null;
            try
            {
                probe.QuerySelector(selector);
            }
            catch (Exception ex) when (ex is AngleSharp.Dom.DomException or ArgumentException)
            {
                error = $"selector for '{field}' is not valid CSS: {selector}";
            }

            if (error is not null)
            {
                yield return error;
            }
        }

        foreach (var (text, status) in StatusMap)
        {
            if (!Enum.TryParse<Core.Model.RegistryStatus>(status, ignoreCase: true, out _))
            {
                yield return $"statusMap '{text}' maps to '{status}', which is not a registry status";
            }
        }
    }
}
