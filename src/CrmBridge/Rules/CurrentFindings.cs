using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;

namespace CrmBridge.Rules;

/// <summary>The digest's view of the rules: what the engine finds now, with duplicates and cross-card conflicts.</summary>
internal sealed class CurrentFindings(RuleStep rules) : ICurrentFindings
{
    public IReadOnlyList<Finding> Current(ClientBase clientBase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        var duplicates = DuplicateFinder.Find(clientBase.Companies, now, rules.Input(clientBase, now).People.Directory.OwnerKey, rules.TimeZone);
        return [.. rules.Findings(clientBase, duplicates.InnGroupRefs, now), .. duplicates.Findings];
    }
}
