using System.Globalization;

namespace CrmBridge.Notifications;

/// <summary>The language of user-facing Telegram text (Telegram:Language).</summary>
internal enum BotLanguage
{
    Ru,
    En,
}

internal static class BotLanguages
{
    public static bool TryParse(string? value, out BotLanguage language)
    {
        language = (value ?? "").Trim().ToLowerInvariant() switch
        {
            "ru" => BotLanguage.Ru,
            "en" => BotLanguage.En,
            _ => (BotLanguage)(-1),
        };
        return Enum.IsDefined(language);
    }

    public static BotLanguage Parse(string? value) => TryParse(value, out var language) ? language : BotLanguage.Ru;

    /// <summary>Russian numbers group with spaces and use a decimal comma; the runtime needs ICU for it (InvariantGlobalization off).</summary>
    public static CultureInfo Culture(BotLanguage language) =>
        CultureInfo.GetCultureInfo(language == BotLanguage.En ? "en-GB" : "ru-RU");
}
