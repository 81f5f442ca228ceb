namespace CrmBridge.Rules;

/// <summary>
/// Where a CRM keeps a postponement: a date field for the return day and a field (or list value) for the reason.
/// Bitrix24: user field codes such as UF_CRM_POSTPONED_UNTIL; amoCRM: custom field ids. Read by the connectors.
/// </summary>
internal sealed class PostponedFieldOptions
{
    public string? UntilField { get; set; }

    public string? ReasonField { get; set; }
}
