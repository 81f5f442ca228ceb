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
            var lines = findings
                .Where(finding => rules.Contains(finding.Rule))
                .OrderByDescending(finding => finding.Severity)
                .ThenBy(finding => finding.Subject.Key, StringComparer.Ordinal)
                .Select(finding => line.Render(finding, CompanyHtml(finding, companies), names))
                .ToList();
            return new DigestSection(name, string.Join('\n', [title, .. lines.Count == 0 ? [format.Texts.Nothing] : lines]));
        }
    }

    private string CompanyHtml(Finding finding, Dictionary<CrmRef, Company> companies)
    {
        var title = companies.TryGetValue(finding.Subject, out var company) ? company.Title
            : finding.Data.GetValueOrDefault("title") ?? finding.Subject.Key;
        return TelegramHtml.Link(links.CardUrl(finding.Subject), TelegramHtml.Escape(title));
    }
}
