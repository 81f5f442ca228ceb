using System.Net;
using System.Text.RegularExpressions;

namespace CrmBridge.Notifications;

/// <summary>Telegram's HTML parse mode: only &amp; &lt; &gt; (and &quot; inside attributes) must be escaped.</summary>
internal static partial class TelegramHtml
{
    /// <summary>Escapes text from a CRM (company names, manager names, reasons) so it cannot break or inject markup.</summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);

    public static string Bold(string html) => $"<b>{html}</b>";

    public static string Link(Uri? url, string html) =>
        url is null ? html : $"<a href=\"{Escape(url.AbsoluteUri)}\">{html}</a>";

    /// <summary>Plain text for the console: tags dropped, entities decoded.</summary>
    public static string ToPlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html ?? "", ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
