using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;

namespace CrmBridge.Sync;

/// <summary>
/// The report of `crmbridge once --report FILE.json`, for scripts; its shape is documented in README.md and kept stable:
/// generatedAt, dryRun, sources[] (crm, account, companies, persons, deals, activities, users, skipped, requests, error),
/// findings[] (rule, crm, account, companyId, company, inn, ownerId, severity, period, key, detail{}) and
/// actions[] (kind, key, state, summary, attempts, lastError).
/// </summary>
internal sealed record CycleReport(
    DateTimeOffset GeneratedAt,
    bool DryRun,
    IReadOnlyList<CycleReport.Source> Sources,
    IReadOnlyList<RuleReportFinding> Findings,
    IReadOnlyList<OutboxReportLine> Actions)
{
    public static CycleReport From(CycleResult cycle, bool dryRun, ICrmStore store, IOutboxStore outbox)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(store);
        var sources = cycle.Sources.Select(s => new Source(
            CrmRef.CrmName(s.Crm),
            s.Account,
            s.Summary?.Companies ?? 0,
            s.Summary?.Persons ?? 0,
            s.Summary?.Deals ?? 0,
            s.Summary?.Activities ?? 0,
            s.Summary?.Users ?? 0,
            s.Summary?.Skipped ?? 0,
            s.Summary?.Requests ?? 0,
            s.Error)).ToList();
        var findings = cycle.Dedupe.Findings
            .Concat(cycle.EnrichmentFindings)
            .Select(f => RuleReportFinding.From(f, store.Companies.Find(f.Subject)))
            .Concat(cycle.Rules.Findings)
            .ToList();
        return new CycleReport(cycle.StartedAt, dryRun, sources, findings, OutboxReportLine.From(outbox, cycle.StartedAt));
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, RuleReport.JsonOptions, cancellationToken);
    }

    internal sealed record Source(
        string Crm, string Account, int Companies, int Persons, int Deals, int Activities, int Users, int Skipped, int Requests, string? Error);
}
