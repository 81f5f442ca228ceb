using System.Text;
using CrmBridge.Dedupe;
using CrmBridge.Storage;

namespace CrmBridge.Notifications;

/// <summary>The full list of a summarised tick as a file Excel opens: UTF-8 with BOM, ';' separated.</summary>
internal static class NotificationCsv
{
    public static byte[] Write(IEnumerable<NotificationItem> items, NotificationTexts texts)
    {
        var text = new StringBuilder();
        text.Append(string.Join(CsvField.Separator, texts.CsvHeader)).Append("\r\n");
        foreach (var item in items)
        {
            string[] row = [texts.RuleName(item.Rule), texts.SeverityName(item.Severity), item.Company, item.Owner, item.CardUrl?.AbsoluteUri ?? "", item.Text];
            text.Append(string.Join(CsvField.Separator, row.Select(CsvField.Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
