namespace CrmBridge.Core.Identifiers;

/// <summary>Why a string is not a valid identifier, in words a person can act on.</summary>
/// <param name="Kind">The rule that failed.</param>
/// <param name="Message">One line naming the identifier and the rule, e.g. "INN check digit at position 10 is 4, expected 3".</param>
/// <param name="Position">1-based position in the normalized text the rule failed at, when it is about one character.</param>
public sealed record IdentifierError(IdentifierErrorKind Kind, string Message, int? Position = null)
{
    public override string ToString() => Message;

    internal static IdentifierError Empty(string name) =>
        new(IdentifierErrorKind.Empty, $"{name} is empty");

    internal static IdentifierError WrongLength(string name, int found, string expected) =>
        new(IdentifierErrorKind.WrongLength, $"{name} has {found} {Plural(found)}, expected {expected}");

    internal static IdentifierError NonDigit(string name, char found, int position) =>
        new(IdentifierErrorKind.InvalidCharacter, $"{name} has a non-digit character '{found}' at position {position}", position);

    internal static IdentifierError BadCheckDigit(string name, int position, int found, int expected) =>
        new(IdentifierErrorKind.BadCheckDigit, $"{name} check digit at position {position} is {found}, expected {expected}", position);

    internal static IdentifierError Placeholder(string name) =>
        new(IdentifierErrorKind.Placeholder, $"{name} is all zeros, a placeholder rather than a real number");

    private static string Plural(int count) => count == 1 ? "character" : "characters";
}
