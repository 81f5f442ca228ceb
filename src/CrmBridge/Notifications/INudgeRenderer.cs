using CrmBridge.Core.Model;

namespace CrmBridge.Notifications;

/// <summary>Turns a rule finding into the short Telegram HTML a manager or head reads (Russian by default).</summary>
internal interface INudgeRenderer
{
    string Render(Finding finding, Company company, Uri cardUrl, IReadOnlyDictionary<string, string> managerNames);
}
