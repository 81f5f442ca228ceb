using System.Diagnostics.CodeAnalysis;

namespace CrmBridge.Core.Identifiers;

/// <summary>
/// A tax registration reason code (КПП): 9 characters — 4 digits (tax office), 2 digits or uppercase
/// Latin letters (reason), 3 digits (sequence). It has no check digit. <see cref="ToString"/> gives the bare code.
/// </summary>
public sealed record Kpp
{
    private const string Name = "KPP";
    private const int Length = 9;
    private static readonly string[] Labels = ["КПП", "KPP"];

    private Kpp(string value) => Value = value;

    /// <summary>The normalized code.</summary>
    public string Value { get; }

    public static Kpp Parse(string? s)
    {
        var code = IdentifierText.Normalize(s, Labels);
        var error = Check(code);
        return error is null ? new Kpp(code) : throw new FormatException(error.Message);
    }

    public static bool TryParse(string? s, [NotNullWhen(true)] out Kpp? value)
    {
        var code = IdentifierText.Normalize(s, Labels);
        value = Check(code) is null ? new Kpp(code) : null;
        return value is not null;
    }

    /// <summary>Null when <paramref name="s"/> is a valid KPP, otherwise the first rule it breaks.</summary>
    public static IdentifierError? Validate(string? s) => Check(IdentifierText.Normalize(s, Labels));

    public override string ToString() => Value;

    private static IdentifierError? Check(string code)
    {
        if (code.Length == 0)
        {
            return IdentifierError.Empty(Name);
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (!char.IsAsciiDigit(code[i]) && !char.IsAsciiLetterUpper(code[i]))
            {
                return new IdentifierError(
                    IdentifierErrorKind.InvalidCharacter,
                    $"{Name} has character '{code[i]}' at position {i + 1}, expected a digit or an uppercase Latin letter",
                    i + 1);
            }
        }

        if (code.Length != Length)
        {
            return IdentifierError.WrongLength(Name, code.Length, "9");
        }

        for (var i = 0; i < code.Length; i++)
        {
            var letterAllowed = i is 4 or 5;
            if (!letterAllowed && !char.IsAsciiDigit(code[i]))
            {
                return IdentifierError.NonDigit(Name, code[i], i + 1);
            }
        }

        return IdentifierText.AllZeros(code) ? IdentifierError.Placeholder(Name) : null;
    }
}
