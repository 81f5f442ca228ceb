namespace CrmBridge.Core.Dedupe;

/// <summary>What the INN on a card is worth as a dedupe key.</summary>
public enum InnCheck
{
    /// <summary>No INN on the card.</summary>
    Missing,

    /// <summary>Digits of the right length whose check digits hold: a dedupe key.</summary>
    Valid,

    /// <summary>Present but wrong length, not digits, or a failing checksum: "unverified".</summary>
    Invalid,
}
