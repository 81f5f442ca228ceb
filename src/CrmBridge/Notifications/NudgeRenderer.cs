using CrmBridge.Core.Model;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>A short nudge per finding: the line for its rule, the company name escaped and linked to its card.</summary>
internal sealed class NudgeRenderer(IOptions<TelegramOptions> options) : INudgeRenderer
{
    private readonly FindingLine lines = new(BotLanguages.Parse(options.Value.Language));

    public string Render(Finding finding, Company company, Uri cardUrl, IReadOnlyDictionary<string, string> managerNames)
    {
        ArgumentNullException.ThrowIfNull(company);
        var name = TelegramHtml.Link(cardUrl, TelegramHtml.Bold(TelegramHtml.Escape(company.Title)));
        return lines.Render(finding, name, managerNames);
    }
}
