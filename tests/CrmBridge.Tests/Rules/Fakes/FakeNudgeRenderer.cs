using CrmBridge.Core.Model;
using CrmBridge.Notifications;

namespace CrmBridge.Tests.Rules.Fakes;

/// <summary>Renders what it was given, so tests can see which finding, card link and names reached the renderer.</summary>
internal sealed class FakeNudgeRenderer : INudgeRenderer
{
    public string Render(Finding finding, Company company, Uri cardUrl, IReadOnlyDictionary<string, string> managerNames) =>
        $"{finding.Rule} {company.Title} {cardUrl} owner={(finding.OwnerId is { } id ? managerNames.GetValueOrDefault(id, id) : "-")}";
}
