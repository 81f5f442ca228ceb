using System.Text;

namespace CrmBridge.Core.Dedupe;

/// <summary>
/// Reduces a company title to the words that tell companies apart: legal form, quotes, case, ё/е,
/// punctuation and extra spaces do not count ("ООО «Ромашка»" and "Ромашка, ooo" are the same name).
/// </summary>
public static class NameNormalizer
{
    // Spelled-out legal forms are removed before tokenizing; the abbreviations are dropped as tokens.
    private static readonly string[] LongLegalForms =
    [
        "общество с ограниченной ответственностью",
        "публичное акционерное общество",
        "непубличное акционерное общество",
        "закрытое акционерное общество",
        "открытое акционерное общество",
        "акционерное общество",
        "индивидуальный предприниматель",
        "автономная некоммерческая организация",
        "некоммерческая организация",
        "limited liability company",
    ];

    private static readonly HashSet<string> ShortLegalForms = new(StringComparer.Ordinal)
    {
        "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "чп", "нко", "ано", "тоо", "гк", "пк", "кфх", "муп", "гуп", "фгуп",
        "ooo", "oao", "zao", "pao", "ao", "ip", "llc", "ltd", "inc", "jsc", "pjsc", "cjsc", "gmbh",
    };

    /// <summary>The normalized name, or null when nothing distinctive is left (empty, or only a legal form).</summary>
    public static string? Normalize(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = Simplify(title);
        foreach (var form in LongLegalForms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, " ", StringComparison.Ordinal);
            }
        }

        var builder = new StringBuilder(text.Length);
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ShortLegalForms.Contains(token))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(token);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>
    /// char.ToLowerInvariant, with the basic Cyrillic capitals (U+0400–U+042F, whose lower case is +0x50 and +0x20 by
    /// Unicode's simple case mapping) done here: for them ToLowerInvariant asks ICU one character at a time, and a
    /// million Russian titles made that most of dedupe's time.
    /// </summary>
    private static char Lower(char c) => c switch
    {
        >= '\u0410' and <= '\u042F' => (char)(c + 0x20),
        >= '\u0400' and <= '\u040F' => (char)(c + 0x50),
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>Lower case, ё→е, every non-letter/digit a space (quotes, dashes, dots, commas).</summary>
    private static string Simplify(string title)
    {
        return string.Create(title.Length, title, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = Lower(source[i]);
                span[i] = c switch
                {
                    'ё' => 'е',
                    _ when char.IsLetterOrDigit(c) => c,
                    _ => ' ',
                };
            }
        });
    }
}
