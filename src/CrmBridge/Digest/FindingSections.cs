using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Notifications;

namespace CrmBridge.Digest;

/// <summary>The rule sections of the digest: conflicts (two owners, duplicates), clients about to be taken back, cooldown violations.</summary>
internal sealed class FindingSections(DigestFormat format, FindingLine line, ICardLinks links)
{
    private static readonly string[] ConflictRules = [RuleNames.Conflict, RuleNames.Duplicate];
    private static readonly string[] TakeBackRules = [RuleNames.OwnershipWarning, RuleNames.OwnershipTimeout];
    private static readonly string[] CooldownRules = [RuleNames.Cooldown];

    public IEnumerable<DigestSection> Render(ClientBase clientBase, IReadOnlyList<Finding> findings)
    {
        var companies = clientBase.Companies.GroupBy(company => company.Ref).ToDictionary(group => group.Key, group => group.First());
        var names = clientBase.Managers.GroupBy(manager => manager.Ref.Id).ToDictionary(group => group.Key, group => group.First().Name);
        yield return Section("conflicts", format.Texts.ConflictsTitle, ConflictRules);
        yield return Section("take-back", format.Texts.TakeBackTitle, TakeBackRules);
        yield return Section("cooldown", format.Texts.CooldownTitle, CooldownRules);

        DigestSection Section(string name, string title, string[] rules)
        {
            var chosen = findings.Where(finding => rules.Contains(finding.Rule)).ToList();
            var lines = chosen
                .Where(finding => finding.Rule != RuleNames.Duplicate)
                .Select(finding => (finding.Severity, finding.Subject.Key, Line: line.Render(finding, CompanyHtml(finding, companies), names)))
                .Concat(DuplicateGroups(chosen.Where(finding => finding.Rule == RuleNames.Duplicate), companies, names))
                .OrderByDescending(entry => entry.Severity)
                .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => entry.Line)
                .ToList();
            return new DigestSection(name, string.Join('\n', [title, .. lines.Count == 0 ? [format.Texts.Nothing] : lines]));
        }
    }

    /// <summary>Duplicate findings come one per non-master card; the head reads one line per group, keyed by its master.</summary>
    private IEnumerable<(Severity Severity, string Key, string Line)> DuplicateGroups(
        IEnumerable<Finding> duplicates, Dictionary<CrmRef, Company> companies, Dictionary<string, string> names)
    {
        string? NameOf(string? ownerId) => string.IsNullOrEmpty(ownerId) ? null : names.GetValueOrDefault(ownerId, ownerId);

        // Dedupe writes the master, its title and the INN on every duplicate finding (the outbox planner reads them too).
        foreach (var group in duplicates.GroupBy(finding => finding.Data[DedupeDataKeys.MasterRef], StringComparer.Ordinal))
        {
            var first = group.First();
            var master = CrmRef.ParseKey(group.Key);
            var title = companies.TryGetValue(master, out var card) ? card.Title : first.Data[DedupeDataKeys.MasterTitle];
            var masterHtml = TelegramHtml.Link(links.CardUrl(master), TelegramHtml.Escape(title));
            var members = group
                .OrderBy(finding => finding.Subject.Key, StringComparer.Ordinal)
                .Select(finding => (links.CardUrl(finding.Subject), NameOf(companies.GetValueOrDefault(finding.Subject)?.OwnerId)));
            var text = line.DuplicateGroup(masterHtml, first.Data[DedupeDataKeys.Inn], NameOf(first.Data.GetValueOrDefault(DedupeDataKeys.MasterOwner)), members);
            yield return (group.Max(finding => finding.Severity), master.Key, text);
        }
    }

    private string CompanyHtml(Finding finding, Dictionary<CrmRef, Company> companies)
    {
        var title = companies.TryGetValue(finding.Subject, out var company) ? company.Title
            : finding.Data.GetValueOrDefault("title") ?? finding.Subject.Key;
        return TelegramHtml.Link(links.CardUrl(finding.Subject), TelegramHtml.Escape(title));
    }
}
