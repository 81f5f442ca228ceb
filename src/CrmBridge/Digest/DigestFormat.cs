using System.Globalization;
using CrmBridge.Core.Kpi;
using CrmBridge.Notifications;

namespace CrmBridge.Digest;

/// <summary>Numbers, money and dates as the reader's language writes them.</summary>
internal sealed class DigestFormat(BotLanguage language, TimeZoneInfo zone)
{
    public CultureInfo Culture { get; } = BotLanguages.Culture(language);

    public DigestTexts Texts { get; } = DigestTexts.For(language);

    public string Text(string format, params object?[] args) => string.Format(Culture, format, args);

    public string Number(decimal value) => value.ToString("#,0", Culture);

    public string Days(double? value) => value is { } days ? days.ToString("0.#", Culture) : "—";

    /// <summary>"300 000 RUB + 2 000 USD"; currencies are never added together here (see CurrencyPolicy).</summary>
    public string Money(MoneyBag money) =>
        money.IsEmpty ? "0" : string.Join(" + ", money.Amounts.Select(pair => $"{Number(pair.Value)} {pair.Key}"));

    public string Date(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString(Texts.DateFormat, Culture);

    /// <summary>"3/20" against a plan, "3/—" without one.</summary>
    public static string Against(int actual, int? plan) =>
        plan is { } target ? $"{actual}/{target}" : $"{actual}/—";

    public static string Mark(bool met) => met ? "✅" : "❌";
}
