namespace CrmBridge.Core.Model;

/// <summary>Which CRM a record came from.</summary>
public enum CrmKind
{
    Bitrix24,
    AmoCrm,
}
