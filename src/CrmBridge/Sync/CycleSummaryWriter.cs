namespace CrmBridge.Sync;

/// <summary>The human summary of a cycle: what each CRM gave, findings per rule, actions per state.</summary>
internal static class CycleSummaryWriter
{
    public static async Task WriteAsync(TextWriter output, CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var source in report.Sources)
        {
            await output.WriteLineAsync(source.Error is null
                ? $"{source.Crm} {source.Account}: {source.Companies} companies, {source.Persons} contacts, {source.Deals} deals, {source.Activities} activities, {source.Users} users ({source.Requests} requests, {source.Skipped} skipped)"
                : $"{source.Crm} {source.Account}: stopped — {source.Error}");
        }

        await output.WriteLineAsync($"Findings{(report.DryRun ? " (dry run)" : "")}:");
        foreach (var group in report.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"  {group.Key,-20} {group.Count(),6}");
        }

        await output.WriteLineAsync("Actions:");
        foreach (var group in report.Actions.GroupBy(a => (a.Kind, a.State)).OrderBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"  {group.Key.Kind,-20} {group.Key.State,-12} {group.Count(),6}");
        }
    }
}
