namespace CrmBridge.Core.People;

/// <summary>What a CRM user is to CrmBridge. Only a <see cref="Manager"/> owns clients; the rest are nobody's manager.</summary>
public enum PersonRole
{
    Manager,

    /// <summary>The free base ("Свободная база"): released cards go to it.</summary>
    Pool,

    /// <summary>A portal administrator.</summary>
    Admin,

    /// <summary>The webhook owner, an integration user: owns cards without selling.</summary>
    Technical,
}
