using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Transport;
using Refit;

namespace CrmBridge.Bitrix24.Api;

/// <summary>
/// The webhook endpoint (base address https://PORTAL/rest/USER_ID/SECRET/). Raw responses on purpose: blocked or
/// overloaded portals answer HTML (leshchenko1979/fast_bitrix24#216), so status and body are read by Bitrix24Transport.
/// </summary>
internal interface IBitrix24Api
{
    /// <param name="safety">Travels with the request so the retry handler knows whether it may repeat it.</param>
    [Post("/{method}.json")]
    Task<HttpResponseMessage> CallAsync(string method, [Body] JsonObject parameters, [Property(Bitrix24FaultRule.CallSafetyProperty)] CallSafety safety, CancellationToken cancellationToken);

    [Post("/batch.json")]
    Task<HttpResponseMessage> BatchAsync([Body] BitrixBatchRequest request, CancellationToken cancellationToken);
}
