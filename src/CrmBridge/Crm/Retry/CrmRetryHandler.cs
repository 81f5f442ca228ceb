using Microsoft.Extensions.Logging;
using Polly;

namespace CrmBridge.Crm.Retry;

/// <summary>
/// Outside the resilience handler of one CRM's HttpClient: no request leaves while the CRM is stopped for the tick;
/// a request whose retries spent the tick's budget ends in a <see cref="CrmStopException"/> saying so; a request that
/// still failed after its retries is reported in one Warning line naming it and the retries spent.
/// </summary>
internal sealed class CrmRetryHandler(CrmTickGate gate, ICrmFaultRule rule, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        gate.ThrowIfStopped();
        var ledger = new RetryLedger();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryLedger.Key, ledger);
        request.SetResilienceContext(context);
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (Exception) when (ledger.BudgetSpent)
            {
                gate.ThrowIfStopped();
                throw;
            }
            catch (Exception) when (ledger.Final is not null)
            {
                GaveUp(request, ledger);
                throw;
            }

            if (ledger.BudgetSpent)
            {
                response.Dispose();
                gate.ThrowIfStopped();
            }

            if (ledger.Final is not null)
            {
                GaveUp(request, ledger);
            }

            return response;
        }
        finally
        {
            request.SetResilienceContext(null);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private void GaveUp(HttpRequestMessage request, RetryLedger ledger)
    {
        if (ledger.Retries > 0)
        {
            CrmRetryLog.GaveUp(logger, rule.Crm, rule.Describe(request), ledger.Final!.Description, ledger.Retries);
        }
    }
}
