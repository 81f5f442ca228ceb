using System.Net;
using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using Refit;

namespace CrmBridge.Enrichment.DaData;

/// <summary>
/// The JSON registry provider. No retry inside a call: a failed INN is simply asked again on a later tick, and the
/// enrichment step backs off the provider, which is what "slow down, lose nothing" needs.
/// </summary>
internal sealed class DaDataProvider(IDaDataApi api) : IEnrichmentProvider
{
    public string Name => DaDataPartyMapper.Source;

    public async Task<CompanyProfile?> FindByInnAsync(Inn inn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inn);
        IApiResponse<DaDataPartyResponse> response;
        try
        {
            response = await api.FindPartyByIdAsync(new DaDataFindByIdRequest(inn.Value), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new EnrichmentProviderException($"DaData unreachable: {ex.HttpRequestError}", transient: true, innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EnrichmentProviderException("DaData did not answer in time", transient: true, innerException: ex);
        }

        using (response)
        {
            return Interpret(inn, response);
        }
    }

    private static CompanyProfile? Interpret(Inn inn, IApiResponse<DaDataPartyResponse> response)
    {
        var status = response.StatusCode ?? (HttpStatusCode)0;
        var code = (int)status;
        if (status == HttpStatusCode.TooManyRequests || code >= 500)
        {
            throw new EnrichmentProviderException($"DaData answered HTTP {code}", transient: true, RetryAfter(response));
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new EnrichmentProviderException(
                $"DaData rejected the API key (HTTP {code}): check {EnrichmentOptions.Section}:DaData:Token", transient: false);
        }

        if (status == HttpStatusCode.PaymentRequired)
        {
            // The daily quota or the balance ran out: it comes back by itself, not within minutes.
            throw new EnrichmentProviderException("DaData quota exhausted (HTTP 402)", transient: true, TimeSpan.FromHours(1));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new EnrichmentProviderException($"DaData answered HTTP {code} for INN {inn}", transient: false);
        }

        if (response.Error is not null || response.Content is null)
        {
            // A proxy or captcha page instead of JSON: try later rather than caching "not found".
            throw new EnrichmentProviderException("DaData answered with something that is not its JSON", transient: true);
        }

        return DaDataPartyMapper.ToProfile(inn.Value, response.Content);
    }

    // Only the delta form: a date form would need the clock here, and the step's own backoff covers it.
    private static TimeSpan? RetryAfter(IApiResponse response) => response.Headers?.RetryAfter?.Delta;
}
