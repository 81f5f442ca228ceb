using Refit;

namespace CrmBridge.Enrichment.DaData;

/// <summary>
/// DaData "company by INN" (https://dadata.ru/api/find-party/): POST {"query": INN}, header "Authorization: Token KEY"
/// (added by <see cref="DaDataTokenHandler"/> so that the key never appears in a Refit signature).
/// </summary>
internal interface IDaDataApi
{
    [Post("/suggestions/api/4_1/rs/findById/party")]
    [Headers("Accept: application/json")]
    Task<IApiResponse<DaDataPartyResponse>> FindPartyByIdAsync([Body] DaDataFindByIdRequest request, CancellationToken cancellationToken);
}
