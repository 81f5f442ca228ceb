using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>One finding as a line of a recipient's tick: for the summary's counts and the CSV list.</summary>
internal sealed record NotificationItem(string Rule, Severity Severity, string Company, Uri? CardUrl, string Owner, string Text);
