using System.Net;
using AngleSharp.Html.Parser;
using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Enrichment.Html;

/// <summary>
/// The HTML registry provider: fetches the configured page for an INN and reads it with AngleSharp. A page on which no
/// selector finds anything means the site changed its layout: that is reported as "selector found nothing" and the INN
/// is not cached, so nothing is lost once the config is fixed.
/// </summary>
internal sealed partial class HtmlRegistryProvider(HttpClient http, HtmlRegistryConfig config, ILogger<HtmlRegistryProvider> logger) : IEnrichmentProvider
{
    public string Name => config.Name;

    public async Task<CompanyProfile?> FindByInnAsync(Inn inn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inn);
        var url = config.PageUrl(inn.Value);
        string html;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var code = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests || code >= 500)
            {
                throw new EnrichmentProviderException($"{Name} answered HTTP {code}", transient: true, response.Headers.RetryAfter?.Delta);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new EnrichmentProviderException($"{Name} answered HTTP {code} for INN {inn}", transient: false);
            }

            html = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new EnrichmentProviderException($"{Name} unreachable: {ex.HttpRequestError}", transient: true, innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EnrichmentProviderException($"{Name} did not answer in time", transient: true, innerException: ex);
        }

        using var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        var reading = HtmlRegistryPage.Read(document, config, inn.Value);
        if (reading.NothingMatched)
        {
            throw new EnrichmentProviderException(
                $"{Name}: selector found nothing on the page for INN {inn} (none of {string.Join(", ", reading.MissingFields)}); " +
                $"the page layout may have changed, check {config.SourcePath ?? "the HTML registry config"}",
                transient: false);
        }

        if (reading.Profile is not null && reading.MissingFields.Count > 0)
        {
            LogMissingFields(Name, inn.Value, reading.MissingFields);
        }

        return reading.Profile;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider}: page for INN {Inn} lacks {Fields}")]
    private partial void LogMissingFields(string provider, string inn, IReadOnlyList<string> fields);
}
