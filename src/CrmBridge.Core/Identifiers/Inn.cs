using System.Diagnostics.CodeAnalysis;

namespace CrmBridge.Core.Identifiers;

/// <summary>
/// A taxpayer number (ИНН): 10 digits for a legal entity, 12 for a sole trader, each with check digits.
/// Equal when the digits are equal; <see cref="ToString"/> gives the bare digits.
/// </summary>
public sealed record Inn
{
    private const string Name = "INN";
    private static readonly string[] Labels = ["ИНН", "INN"];
    private static readonly int[] LegalEntityWeights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] SoleTraderFirstWeights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] SoleTraderSecondWeights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    private Inn(string value)
    {
        Value = value;
        Kind = value.Length == 10 ? InnKind.LegalEntity : InnKind.SoleTrader;
    }

    /// <summary>The normalized digits.</summary>
    public string Value { get; }

    public InnKind Kind { get; }

    public static Inn Parse(string? s)
    {
        var digits = IdentifierText.Normalize(s, Labels);
        var error = Check(digits);
        return error is null ? new Inn(digits) : throw new FormatException(error.Message);
    }

    public static bool TryParse(string? s, [NotNullWhen(true)] out Inn? value)
    {
        var digits = IdentifierText.Normalize(s, Labels);
        value = Check(digits) is null ? new Inn(digits) : null;
        return value is not null;
    }

    /// <summary>Null when <paramref name="s"/> is a valid INN, otherwise the first rule it breaks.</summary>
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

        if (digits.Length is not (10 or 12))
        {
            return IdentifierError.WrongLength(Name, digits.Length, "10 (legal entity) or 12 (sole trader)");
        }

        if (IdentifierText.AllZeros(digits))
        {
            return IdentifierError.Placeholder(Name);
        }

        return digits.Length == 10
            ? CheckDigit(digits, LegalEntityWeights)
            : CheckDigit(digits, SoleTraderFirstWeights) ?? CheckDigit(digits, SoleTraderSecondWeights);
    }

    // The check digit follows the weighted digits: (sum of digit × weight) mod 11 mod 10.
    private static IdentifierError? CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += IdentifierText.Digit(digits, i) * weights[i];
        }

        var expected = sum % 11 % 10;
        var found = IdentifierText.Digit(digits, weights.Length);
        return found == expected ? null : IdentifierError.BadCheckDigit(Name, weights.Length + 1, found, expected);
    }
}
