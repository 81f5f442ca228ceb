namespace CrmBridge.Bitrix24.Loading;

/// <summary>The lists CrmBridge reads, with the fields it maps (multifields must be named explicitly).</summary>
internal static class Bitrix24Lists
{
    public static ListQuery Companies(Bitrix24Options options) => new()
    {
        Method = "crm.company.list",
        Select = WithOptional(
            ["ID", "TITLE", "ASSIGNED_BY_ID", "DATE_CREATE", "DATE_MODIFY", "PHONE", "EMAIL", "WEB"],
            options.InnField,
            options.PostponedUntilField,
            options.PostponeReasonField,
            options.StatusField),
    };

    public static ListQuery Requisites { get; } = new()
    {
        Method = "crm.requisite.list",
        Filter = new Dictionary<string, string> { ["ENTITY_TYPE_ID"] = "4" },
        Select = ["ID", "ENTITY_TYPE_ID", "ENTITY_ID", "NAME", "ACTIVE", "RQ_INN", "RQ_KPP", "RQ_OGRN", "RQ_OGRNIP", "RQ_COMPANY_NAME", "DATE_CREATE", "DATE_MODIFY"],
    };

    public static ListQuery Contacts(Bitrix24Options options) => new()
    {
        Method = "crm.contact.list",
        Select = WithOptional(["ID", "NAME", "SECOND_NAME", "LAST_NAME", "POST", "COMPANY_ID", "ASSIGNED_BY_ID", "DATE_CREATE", "DATE_MODIFY", "PHONE", "EMAIL"], options.DecisionMakerField),
    };

    public static ListQuery Deals(Bitrix24Options options) => new()
    {
        Method = "crm.deal.list",
        Select = WithOptional(
            ["ID", "TITLE", "CATEGORY_ID", "STAGE_ID", "STAGE_SEMANTIC_ID", "OPPORTUNITY", "CURRENCY_ID", "ASSIGNED_BY_ID", "COMPANY_ID", "CLOSED", "DATE_CREATE", "DATE_MODIFY", "MOVED_TIME", "CLOSEDATE"],
            options.LossReasonField,
            options.MarginField),
    };

    public static ListQuery Activities { get; } = new()
    {
        Method = "crm.activity.list",
        Select = ["ID", "TYPE_ID", "PROVIDER_ID", "DIRECTION", "OWNER_TYPE_ID", "OWNER_ID", "RESPONSIBLE_ID", "SUBJECT", "COMPLETED", "START_TIME", "CREATED", "LAST_UPDATED"],
    };

    public static ListQuery StageHistory { get; } = new()
    {
        Method = "crm.stagehistory.list",
        ItemsPath = "items",
        Parameters = new Dictionary<string, string> { ["entityTypeId"] = "2" },
        Select = ["ID", "TYPE_ID", "OWNER_ID", "CREATED_TIME", "CATEGORY_ID", "STAGE_SEMANTIC_ID", "STAGE_ID"],
    };

    public static ListQuery Users { get; } = new() { Method = "user.get", UserStyle = true };

    /// <summary>User fields come only when named in select, so each configured one is added (once).</summary>
    private static List<string> WithOptional(List<string> fields, params string?[] optional)
    {
        foreach (var field in optional.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!.Trim()))
        {
            if (!fields.Contains(field, StringComparer.Ordinal))
            {
                fields.Add(field);
            }
        }

        return fields;
    }
}
