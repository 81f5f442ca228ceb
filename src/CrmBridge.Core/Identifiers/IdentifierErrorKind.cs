namespace CrmBridge.Core.Identifiers;

/// <summary>Which rule an identifier broke.</summary>
public enum IdentifierErrorKind
{
    /// <summary>Nothing left after trimming, spaces, dashes and the label.</summary>
    Empty,

    /// <summary>A character that is not allowed at its position.</summary>
    InvalidCharacter,

    /// <summary>The number of characters does not match any form of the identifier.</summary>
    WrongLength,

    /// <summary>A check digit does not match the digits before it.</summary>
    BadCheckDigit,

    /// <summary>All zeros: passes the checksum but is a placeholder typed into a CRM, not a real number.</summary>
    Placeholder,
}
