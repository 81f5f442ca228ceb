using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CrmBridge.Core.Model;

namespace CrmBridge.Enrichment.Html;

/// <summary>A registry page object: reads each configured field by its selector; a missing field is null, never an error.</summary>
internal static partial class HtmlRegistryPage
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static HtmlRegistryReading Read(IDocument document, HtmlRegistryConfig config, string inn)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(config);
        if (config.NotFoundSelector is { } notFound && document.QuerySelector(notFound) is not null)
        {
            return new HtmlRegistryReading(null, NotFound: true, []);
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var (field, selector) in config.Fields)
        {
            var text = Clean(document.QuerySelector(selector)?.TextContent);
            if (text is null)
            {
                missing.Add(field);
            }
            else
            {
                values[field] = text;
            }
        }

        if (values.Count == 0)
        {
            return new HtmlRegistryReading(null, NotFound: false, missing);
        }

        if (values.TryGetValue(HtmlRegistryFields.Inn, out var pageInn) && Digits(pageInn) != inn)
        {
            // The page shows another company (a search landing on the wrong hit): treat it as not found.
            return new HtmlRegistryReading(null, NotFound: true, missing);
        }

        string? Get(string field) => values.GetValueOrDefault(field);
        var (status, rawStatus) = MapStatus(Get(HtmlRegistryFields.Status), config.StatusMap);
        var profile = new CompanyProfile
        {
            Inn = inn,
            FullName = Get(HtmlRegistryFields.FullName),
            ShortName = Get(HtmlRegistryFields.ShortName),
            Ogrn = Get(HtmlRegistryFields.Ogrn) is { } ogrn ? Digits(ogrn) : null,
            Kpp = Get(HtmlRegistryFields.Kpp) is { } kpp ? Digits(kpp) : null,
            Address = Get(HtmlRegistryFields.Address),
            Region = Get(HtmlRegistryFields.Region),
            Director = Get(HtmlRegistryFields.Director),
            RegisteredOn = ParseDate(Get(HtmlRegistryFields.RegisteredOn), config.DateFormats),
            Status = status,
            RawStatus = rawStatus,
            Okved = Get(HtmlRegistryFields.Okved) is { } okved ? OkvedCode().Match(okved) is { Success: true } m ? m.Value : okved : null,
            Headcount = ParseNumber(Get(HtmlRegistryFields.Headcount)) is { } headcount ? (int)headcount : null,
            Revenue = ParseNumber(Get(HtmlRegistryFields.Revenue)),
            BranchCount = ParseNumber(Get(HtmlRegistryFields.BranchCount)) is { } branches ? (int)branches : null,
            Source = config.Name,
        };
        return new HtmlRegistryReading(profile, NotFound: false, missing);
    }

    internal static (RegistryStatus Status, string? Raw) MapStatus(string? text, IReadOnlyDictionary<string, string> statusMap)
    {
        if (text is null)
        {
            return (RegistryStatus.Unknown, null);
        }

        foreach (var (words, name) in statusMap)
        {
            if (string.Equals(words.Trim(), text, StringComparison.OrdinalIgnoreCase) && Enum.TryParse<RegistryStatus>(name, true, out var mapped))
            {
                return (mapped, text);
            }
        }

        var lower = text.ToLowerInvariant();
        var status = lower switch
        {
            _ when lower.Contains("банкрот", StringComparison.Ordinal) => RegistryStatus.Bankrupt,
            _ when lower.Contains("ликвидирован", StringComparison.Ordinal) || lower.Contains("прекращ", StringComparison.Ordinal) => RegistryStatus.Liquidated,
            _ when lower.Contains("ликвидац", StringComparison.Ordinal) => RegistryStatus.Liquidating,
            _ when lower.Contains("реорганизац", StringComparison.Ordinal) => RegistryStatus.Reorganizing,
            _ when lower.Contains("действ", StringComparison.Ordinal) || lower == "active" => RegistryStatus.Active,
            _ => RegistryStatus.Unknown,
        };
        return (status, text);
    }

    private static DateOnly? ParseDate(string? text, IReadOnlyList<string> formats)
    {
        if (text is null)
        {
            return null;
        }

        var token = DateToken().Match(text);
        var candidate = token.Success ? token.Value : text;
        foreach (var format in formats)
        {
            if (DateOnly.TryParseExact(candidate, format, Russian, DateTimeStyles.None, out var date) ||
                DateOnly.TryParseExact(text, format, Russian, DateTimeStyles.None, out date))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>"1 234 567,89 руб." → 1234567.89; thin and non-breaking spaces are group separators.</summary>
    private static decimal? ParseNumber(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = NumberToken().Match(text.Replace('\u00a0', ' ').Replace('\u202f', ' '));
        if (!match.Success)
        {
            return null;
        }

        var normalized = match.Value.Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\d[\d ]*(?:[.,]\d+)?")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\d{1,4}[.\-/]\d{1,2}[.\-/]\d{1,4}")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"\d{2}(?:\.\d{1,2}){0,2}")]
    private static partial Regex OkvedCode();
}
