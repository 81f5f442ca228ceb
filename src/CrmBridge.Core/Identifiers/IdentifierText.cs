using System.Globalization;
using System.Text;

namespace CrmBridge.Core.Identifiers;

/// <summary>Turns an identifier as people type it ("ИНН: 7707-083 893") into the bare characters.</summary>
internal static class IdentifierText
{
    /// <summary>Trims, drops a leading label (longest first) with ':' or '№', then every space and dash.</summary>
    public static string Normalize(string? text, IReadOnlyList<string> labels)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var rest = text.AsSpan().Trim();
        foreach (var label in labels)
        {
            if (rest.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[label.Length..];
                break;
            }
        }

        while (!rest.IsEmpty && (rest[0] is ':' or '№' || char.IsWhiteSpace(rest[0])))
        {
            rest = rest[1..];
        }

        var result = new StringBuilder(rest.Length);
        foreach (var c in rest)
        {
            if (!char.IsWhiteSpace(c) && !IsDash(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>The first character that is not an ASCII digit, with its 1-based position, or null.</summary>
    public static IdentifierError? FirstNonDigit(string name, string digits)
    {
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return IdentifierError.NonDigit(name, digits[i], i + 1);
            }
        }

        return null;
    }

    public static bool AllZeros(string digits) => digits.AsSpan().IndexOfAnyExcept('0') < 0;

    public static int Digit(string digits, int index) => digits[index] - '0';

    // Hyphen, en and em dashes and the minus sign all appear in numbers pasted from documents.
    private static bool IsDash(char c) =>
        c == '\u2212' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;
}
