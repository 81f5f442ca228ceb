using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Notifications;

/// <summary>Words of the summary and the CSV list, Russian by default, English by Telegram:Language.</summary>
internal sealed class NotificationTexts
{
    private static readonly Dictionary<string, (string Ru, string En)> Rules = new(StringComparer.Ordinal)
    {
        [RuleNames.Cooldown] = ("Нарушение паузы", "Cooldown violation"),
        [RuleNames.Conflict] = ("Два владельца", "Two owners"),
        [RuleNames.OwnershipWarning] = ("Скоро вернётся в пул", "Returns to the pool soon"),
        [RuleNames.OwnershipTimeout] = ("Срок владения истёк", "Ownership timed out"),
        [RuleNames.PostponedDue] = ("Отложенный клиент: пора", "Postponed client due"),
        [RuleNames.QuarantineDue] = ("Карантин: перепроверить", "Quarantine re-check due"),
        [RuleNames.Duplicate] = ("Дубль карточки", "Duplicate card"),
    };

    private readonly bool english;

    public NotificationTexts(string language) => english = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> CsvHeader => english
        ? ["rule", "severity", "company", "owner", "card", "message"]
        : ["правило", "важность", "компания", "ответственный", "карточка", "сообщение"];

    public static string FileName(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"crmbridge-{at.UtcDateTime:yyyy-MM-dd-HHmm}Z.csv");

    public string SummaryTitle(int count, bool firstRun) => english
        ? firstRun ? $"<b>First run: {count} findings</b>" : $"<b>{count} new findings</b>"
        : firstRun ? $"<b>Первый запуск: найдено {count}</b>" : $"<b>Новых находок: {count}</b>";

    public string MostUrgent => english ? "<b>Most urgent:</b>" : "<b>Самое срочное:</b>";

    public string FullListAttached => english ? "The full list is in the attached file (opens in Excel)." : "Полный список — в приложенном файле (открывается в Excel).";

    public string FileCaption(int count) => english ? $"All {count} findings" : $"Все находки: {count}";

    public string RuleName(string rule) =>
        Rules.TryGetValue(rule, out var name) ? english ? name.En : name.Ru : rule;

    public string SeverityName(Severity severity) => (severity, english) switch
    {
        (Severity.Violation, false) => "нарушение",
        (Severity.Warning, false) => "предупреждение",
        (_, false) => "сведения",
        (Severity.Violation, true) => "violation",
        (Severity.Warning, true) => "warning",
        _ => "info",
    };
}
