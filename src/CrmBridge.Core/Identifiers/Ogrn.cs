using System.Diagnostics.CodeAnalysis;

namespace CrmBridge.Core.Identifiers;

/// <summary>
/// A state registration number: ОГРН (13 digits, the last is the rest mod 11 mod 10) or
/// ОГРНИП (15 digits, the last is the rest mod 13 mod 10). <see cref="ToString"/> gives the bare digits.
/// </summary>
public sealed record Ogrn
{
    private const string Name = "OGRN";

    // Longest first, so "ОГРНИП" is not read as "ОГРН" followed by "ИП".
    private static readonly string[] Labels = ["ОГРНИП", "ОГРН", "OGRNIP", "OGRN"];

    private Ogrn(string value)
    {
        Value = value;
        Kind = value.Length == 13 ? OgrnKind.Ogrn : OgrnKind.Ogrnip;
    }

    /// <summary>The normalized digits.</summary>
    public string Value { get; }

    public OgrnKind Kind { get; }

    /// <summary>True for a sole trader's ОГРНИП.</summary>
    public bool IsOgrnip => Kind == OgrnKind.Ogrnip;

    public static Ogrn Parse(string? s)
    {
        var digits = IdentifierText.Normalize(s, Labels);
        var error = Check(digits);
        return error is null ? new Ogrn(digits) : throw new FormatException(error.Message);
    }

    public static bool TryParse(string? s, [NotNullWhen(true)] out Ogrn? value)
    {
        var digits = IdentifierText.Normalize(s, Labels);
        value = Check(digits) is null ? new Ogrn(digits) : null;
        return value is not null;
    }

    /// <summary>Null when <paramref name="s"/> is a valid OGRN or OGRNIP, otherwise the first rule it breaks.</summary>
    public static IdentifierError? Validate(string? s) => Check(IdentifierText.Normalize(s, Labels));

    public override string ToString() => Value;

    private static IdentifierError? Check(string digits)
    {
        if (digits.Length == 0)
        {
            return IdentifierError.Empty(Name);
        }

        if (IdentifierText.FirstNonDigit(Name, digits) is { } nonDigit)
        {
            return nonDigit;
        }

        if (digits.Length is not (13 or 15))
        {
            return IdentifierError.WrongLength(Name, digits.Length, "13 (OGRN) or 15 (OGRNIP)");
        }

        if (IdentifierText.AllZeros(digits))
        {
            return IdentifierError.Placeholder(Name);
        }

        var body = long.Parse(digits.AsSpan(0, digits.Length - 1), provider: System.Globalization.CultureInfo.InvariantCulture);
        var modulus = digits.Length == 13 ? 11 : 13;
        var expected = (int)(body % modulus % 10);
        var found = IdentifierText.Digit(digits, digits.Length - 1);
        var name = digits.Length == 13 ? Name : "OGRNIP";
        return found == expected ? null : IdentifierError.BadCheckDigit(name, digits.Length, found, expected);
    }
}
