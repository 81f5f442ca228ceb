using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Notifications;

/// <summary>The note left on a card released to the pool, so whoever opens it knows why.</summary>
internal static class ReleaseComment
{
    public static string For(Finding finding, string language)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var owner = finding.Data.GetValueOrDefault("ownerName", finding.OwnerId ?? "");
        var days = finding.Data.GetValueOrDefault("termDays", "");
        var clockStart = finding.Data.GetValueOrDefault("clockStart", "");
        DateOnly? since = clockStart.Length >= 10
            && DateOnly.TryParseExact(clockStart[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
        return string.Equals(language, "en", StringComparison.OrdinalIgnoreCase)
            ? $"CrmBridge returned the company to the pool: no progress with {owner} for {days} days (since {since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}). Progress is a new deal with an amount, a won deal or a deal moved to a later stage."
            : $"CrmBridge вернул компанию в общий пул: у менеджера {owner} нет продвижения {days} дн. (с {since?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}). Продвижение — новая сделка с суммой, выигранная сделка или переход сделки на следующую стадию.";
    }
}
