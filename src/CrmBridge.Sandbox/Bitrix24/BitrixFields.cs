namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>
/// crm.company.fields / crm.contact.fields / crm.deal.fields / crm.requisite.fields in the portal's shape: standard fields named in
/// "title"; user fields (UF_CRM_*) carry their code in "title" and the name people see in the labels.
/// </summary>
internal static class BitrixFields
{
    /// <summary>Contact: "1" for a decision-maker (ЛПР), "0" for anyone else.</summary>
    public const string DecisionMaker = "UF_CRM_DECISION_MAKER";

    /// <summary>Deal: the margin as a money value "12300.00|RUB".</summary>
    public const string Margin = "UF_CRM_MARGIN";

    /// <summary>Deal: why a lost deal was lost; empty on any other.</summary>
    public const string LossReason = "UF_CRM_LOSS_REASON";

    public static Dictionary<string, object?> Company() => Describe(
        [("ID", "integer", "ID"), ("TITLE", "string", "Название компании"), ("ASSIGNED_BY_ID", "user", "Ответственный"),
         ("DATE_CREATE", "datetime", "Дата создания"), ("DATE_MODIFY", "datetime", "Дата изменения"), ("COMMENTS", "string", "Комментарий"),
         ("PHONE", "crm_multifield", "Телефон"), ("EMAIL", "crm_multifield", "E-mail"), ("WEB", "crm_multifield", "Сайт")],
        [("UF_CRM_POSTPONED_UNTIL", "date", "Отложен до"), ("UF_CRM_POSTPONE_REASON", "string", "Причина отложения")]);

    public static Dictionary<string, object?> Contact() => Describe(
        [("ID", "integer", "ID"), ("NAME", "string", "Имя"), ("LAST_NAME", "string", "Фамилия"), ("POST", "string", "Должность"),
         ("COMPANY_ID", "crm_company", "Компания"), ("PHONE", "crm_multifield", "Телефон"), ("EMAIL", "crm_multifield", "E-mail")],
        [(DecisionMaker, "boolean", "ЛПР")]);

    public static Dictionary<string, object?> Deal() => Describe(
        [("ID", "integer", "ID"), ("TITLE", "string", "Название"), ("STAGE_ID", "crm_status", "Стадия сделки"), ("CATEGORY_ID", "crm_category", "Воронка"),
         ("OPPORTUNITY", "double", "Сумма"), ("CURRENCY_ID", "crm_currency", "Валюта"), ("COMPANY_ID", "crm_company", "Компания"),
         ("ASSIGNED_BY_ID", "user", "Ответственный"), ("DATE_CREATE", "datetime", "Дата создания"), ("DATE_MODIFY", "datetime", "Дата изменения")],
        [(Margin, "money", "Маржа"), (LossReason, "string", "Причина проигрыша")]);

    public static Dictionary<string, object?> Requisite() => Describe(
        [("ID", "integer", "ID"), ("ENTITY_TYPE_ID", "integer", "Тип родительской сущности"), ("ENTITY_ID", "integer", "ID родительской сущности"),
         ("NAME", "string", "Название реквизита"), ("RQ_INN", "string", "ИНН"), ("RQ_KPP", "string", "КПП"), ("RQ_OGRN", "string", "ОГРН"),
         ("RQ_OGRNIP", "string", "ОГРНИП"), ("RQ_COMPANY_NAME", "string", "Сокращенное наименование организации")],
        []);

    private static Dictionary<string, object?> Describe((string Code, string Type, string Title)[] standard, (string Code, string Type, string Label)[] user)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (code, type, title) in standard)
        {
            fields[code] = new Dictionary<string, object?>
            {
                ["type"] = type,
                ["isRequired"] = code == "TITLE",
                ["isReadOnly"] = code is "ID" or "DATE_CREATE" or "DATE_MODIFY",
                ["isImmutable"] = false,
                ["isMultiple"] = type == "crm_multifield",
                ["isDynamic"] = false,
                ["title"] = title,
            };
        }

        foreach (var (code, type, label) in user)
        {
            fields[code] = new Dictionary<string, object?>
            {
                ["type"] = type,
                ["isRequired"] = false,
                ["isReadOnly"] = false,
                ["isImmutable"] = false,
                ["isMultiple"] = false,
                ["isDynamic"] = true,
                ["title"] = code,
                ["listLabel"] = label,
                ["formLabel"] = label,
                ["filterLabel"] = label,
                ["settings"] = new Dictionary<string, object?> { ["DEFAULT_VALUE"] = "" },
            };
        }

        return fields;
    }
}
