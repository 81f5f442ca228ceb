namespace CrmBridge.Core.Identifiers;

/// <summary>Which state registration number it is, told by its length.</summary>
public enum OgrnKind
{
    /// <summary>13 digits, mod-11 check: a legal entity (ОГРН).</summary>
    Ogrn,

    /// <summary>15 digits, mod-13 check: an individual entrepreneur (ОГРНИП).</summary>
    Ogrnip,
}
