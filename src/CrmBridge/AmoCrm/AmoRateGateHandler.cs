using System.Net;
using CrmBridge.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.AmoCrm;

/// <summary>
/// The innermost handler: each real HTTP send waits for the account's rate gate. 403 (blocked account or IP, often
/// an nginx HTML page, amocrm/amocrm-api-php#318, #434) and 402 (unpaid) close the gate and stop the sync at once.
/// </summary>
internal sealed class AmoRateGateHandler(AmoRateGate gate, IOptions<AmoCrmOptions> options, ILogger<AmoRateGateHandler> logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (await gate.WaitAsync(cancellationToken))
        {
            // The slot is held until the headers are in: amoCRM counted the request somewhere in between.
            response = await base.SendAsync(request, cancellationToken);
        }

        var account = options.Value.Account;
        string? stop = response.StatusCode switch
        {
            HttpStatusCode.Forbidden =>
                $"amoCRM {account} answered 403 Forbidden: the account or this server's IP is blocked (usually after too many "
                + "requests). CrmBridge stopped calling it until the next sync tick. If it persists, ask amoCRM support to lift "
                + "the block and check AmoCrm:RequestsPerSecond (7 at most).",
            HttpStatusCode.PaymentRequired =>
                $"amoCRM {account} answered 402 Payment Required: the account is not paid. Renew the subscription; "
                + "sync resumes by itself at the next tick.",
            _ => null,
        };
        if (stop is null)
        {
            return response;
        }

        AmoCrmLog.AccountStopped(logger, account, (int)response.StatusCode, request.Method.Method, request.RequestUri?.AbsolutePath);
        response.Dispose();
        gate.Close(stop);
        throw new CrmStopException(stop);
    }
}
