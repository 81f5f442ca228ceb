using Microsoft.Extensions.Logging;

namespace CrmBridge.Sync;

/// <summary>
/// One tick of the sync job: pull what changed from every configured CRM, then dedupe, enrich, evaluate rules
/// and let the outbox execute the resulting actions.
/// </summary>
internal sealed partial class SyncCycle(IEnumerable<ICrmConnector> connectors, ILogger<SyncCycle> logger)
{
    public async Task<IReadOnlyList<SyncSummary>> RunAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<SyncSummary>();
        foreach (var connector in connectors)
        {
            try
            {
                var summary = await connector.SyncAsync(cancellationToken);
                LogSynced(summary.Crm, summary.Account, summary.Companies, summary.Deals, summary.Activities);
                summaries.Add(summary);
            }
            catch (CrmStopException ex)
            {
                LogStopped(ex, connector.Crm, connector.Account, ex.Message);
            }
        }

        return summaries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Crm} {Account}: {Companies} companies, {Deals} deals, {Activities} activities")]
    private partial void LogSynced(Core.Model.CrmKind crm, string account, int companies, int deals, int activities);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Crm} {Account} stopped: {Reason}")]
    private partial void LogStopped(Exception exception, Core.Model.CrmKind crm, string account, string reason);
}
