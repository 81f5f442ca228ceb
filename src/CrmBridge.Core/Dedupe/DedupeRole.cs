namespace CrmBridge.Core.Dedupe;

/// <summary>The part a card plays in a dedupe result; the report's "role" column.</summary>
public enum DedupeRole
{
    Master,
    Duplicate,
    Branch,
    Probable,
    Unverified,
}
