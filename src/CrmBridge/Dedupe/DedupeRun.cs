using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.People;
using CrmBridge.Storage;

namespace CrmBridge.Dedupe;

/// <summary>
/// `crmbridge dedupe [--report FILE.csv]` and the dedupe part of a sync tick: dedupes every card in the Store and
/// writes the report when asked; the tick hands the result to the notifications edge, which queues the nudges. One
/// person working in both CRMs is recognised through the people directory (e-mail or People:Managers links), so his two cards are no owner conflict.
/// </summary>
internal sealed class DedupeRun(ICrmStore store, IEnumerable<ICrmConnector> connectors, PortalTimeZone zone, TimeProvider time, PeopleConfiguration people)
{
    public Task<(DedupeResult Result, DedupeRunSummary Summary)> RunAsync(Stream? report, CancellationToken cancellationToken) =>
        RunAsync(store.LoadClientBase(), report, cancellationToken);

    /// <summary>As <see cref="RunAsync(Stream?, CancellationToken)"/>, over a client base the caller already loaded.</summary>
    public async Task<(DedupeResult Result, DedupeRunSummary Summary)> RunAsync(ClientBase clientBase, Stream? report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        var directory = new PeopleDirectory(clientBase.Managers, people.Settings);
        var result = DuplicateFinder.Find(clientBase.Companies, time.GetUtcNow(), directory.OwnerKey, zone.Zone);
        var rows = report is null ? 0 : await DedupeReportWriter.WriteAsync(report, result, CardUrl, cancellationToken);

        var summary = new DedupeRunSummary(
            result.InnGroups.Count,
            result.InnGroups.Sum(g => g.Duplicates.Count()),
            result.InnGroups.Sum(g => g.Branches.Count()),
            result.ProbableGroups.Count,
            result.Unverified.Count,
            rows);
        return (result, summary);
    }

    private Uri? CardUrl(CrmRef card) =>
        connectors.FirstOrDefault(c => c.Crm == card.Crm && string.Equals(c.Account, card.Account, StringComparison.OrdinalIgnoreCase))?.CardUrl(card);
}
