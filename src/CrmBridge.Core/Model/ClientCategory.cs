namespace CrmBridge.Core.Model;

/// <summary>ABCDE by profitability and potential (domain.md section 1).</summary>
public enum ClientCategory
{
    Unknown,
    A,
    B,
    C,
    D,
    E,
}
