using System.Globalization;
using CrmBridge.Notifications;

namespace CrmBridge.Digest;

/// <summary>
/// Money the way a head reads it on a phone: "25,6 млн ₽", "830 тыс ₽" (English: "25.6M ₽", "830k ₽").
/// One decimal below 100 of a unit, none from 100 up; a value that rounds to 1 000 of a unit moves to the next one.
/// </summary>
internal static class ShortMoney
{
    private static readonly decimal[] Scales = [1_000_000_000m, 1_000_000m, 1_000m];
    private static readonly string[] RussianUnits = [" млрд", " млн", " тыс"];
    private static readonly string[] EnglishUnits = ["bn", "M", "k"];

    public static string Format(decimal amount, string currency, BotLanguage language)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var culture = BotLanguages.Culture(language);
        var units = language == BotLanguage.En ? EnglishUnits : RussianUnits;
        var sign = amount < 0 ? "-" : "";
        var value = Math.Abs(amount);
        var index = Array.FindIndex(Scales, scale => value >= scale);
        string number;
        if (index < 0)
        {
            var whole = Math.Round(value, 0, MidpointRounding.AwayFromZero);
            if (whole < 1000m)
            {
                return $"{sign}{whole.ToString("0", culture)} {Symbol(currency)}";
            }

            // 999.6 rounds to 1 000: that is "1 тыс".
            index = Scales.Length - 1;
        }

        var scaled = Rounded(value / Scales[index]);
        if (scaled >= 1000m && index > 0)
        {
            index--;
            scaled = Rounded(value / Scales[index]);
        }

        number = scaled.ToString("#,0.#", culture);
        return $"{sign}{number}{units[index]} {Symbol(currency)}";
    }

    /// <summary>"₽" for RUB, "$" for USD, "€" for EUR; any other currency keeps its ISO code.</summary>
    public static string Symbol(string currency) => currency.ToUpperInvariant() switch
    {
        "RUB" => "₽",
        "USD" => "$",
        "EUR" => "€",
        var other => other,
    };

    private static decimal Rounded(decimal scaled) =>
        Math.Round(scaled, scaled < 100m ? 1 : 0, MidpointRounding.AwayFromZero);
}
