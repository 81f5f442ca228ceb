namespace CrmBridge.Core.Model;

/// <summary>
/// Category A / B by explicit, measurable criteria on registry data (domain.md section 1). A separate property from
/// the ABCDE grade (<see cref="ClientCategory"/>), which is about income and potential inside a sales channel.
/// </summary>
public enum CompanyCategory
{
    /// <summary>Not classified yet, or the registry did not tell a value a criterion needs: never guessed.</summary>
    Unknown,
    A,
    B,
}
