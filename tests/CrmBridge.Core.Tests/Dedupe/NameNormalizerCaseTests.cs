using System.Text;
using CrmBridge.Core.Dedupe;

namespace CrmBridge.Core.Tests.Dedupe;

/// <summary>
/// The normalizer lower-cases Cyrillic capitals itself (ICU was the cost of a million titles): every character must
/// come out as char.ToLowerInvariant makes it, so the same names still match.
/// </summary>
public sealed class NameNormalizerCaseTests
{
    [Fact]
    public void Every_character_is_lowered_as_the_invariant_culture_lowers_it()
    {
        for (var code = 1; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            var title = "Фирма " + c + "Б";
            Assert.Equal(Reference(title), NameNormalizer.Normalize(title));
        }
    }

    [Fact]
    public void A_russian_title_in_capitals_matches_the_same_title_in_lower_case()
    {
        Assert.Equal(NameNormalizer.Normalize("ооо «ёлка и ЁЖ»"), NameNormalizer.Normalize("ООО \"ЁЛКА И ЕЖ\""));
    }

    /// <summary>What the normalizer did before, with char.ToLowerInvariant for every character.</summary>
    private static string? Reference(string title)
    {
        var simple = new StringBuilder(title.Length);
        foreach (var raw in title)
        {
            var c = char.ToLowerInvariant(raw);
            simple.Append(c == 'ё' ? 'е' : char.IsLetterOrDigit(c) ? c : ' ');
        }

        // The titles here hold no legal form (no short form ends in "б"), so the tokens are only joined again.
        var joined = string.Join(' ', simple.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return joined.Length == 0 ? null : joined;
    }
}
