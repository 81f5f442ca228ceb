namespace CrmBridge.Core.Identifiers;

/// <summary>Who an INN belongs to, told by its length.</summary>
public enum InnKind
{
    /// <summary>10 digits: an organization.</summary>
    LegalEntity,

    /// <summary>12 digits: an individual entrepreneur (ИП) or a person.</summary>
    SoleTrader,
}
