namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>
/// The account's custom fields. The INN is served twice: inside the "Юр. лицо" legal_entity value (vat_id, kpp)
/// and as a plain text field named "ИНН"; KPP and OGRN also as text fields. Contacts carry a "ЛПР" checkbox, leads a
/// "Маржа" number.
/// </summary>
internal static class AmoCustomFields
{
    public const long Phone = 900_001;
    public const long Email = 900_002;
    public const long Web = 900_003;
    public const long LegalEntity = 900_101;
    public const long Inn = 900_102;
    public const long Ogrn = 900_103;
    public const long Kpp = 900_104;
    public const long PostponedUntil = 900_105;
    public const long PostponeReason = 900_106;
    public const long Position = 900_201;
    public const long DecisionMaker = 900_202;
    public const long Margin = 900_301;
    public const long WorkEnum = 900_011;

    public static IReadOnlyList<(long Id, string Name, string Type, string? Code)> Companies { get; } =
    [
        (Phone, "Телефон", "multitext", "PHONE"),
        (Email, "Email", "multitext", "EMAIL"),
        (Web, "Web", "url", "WEB"),
        (LegalEntity, "Юр. лицо", "legal_entity", null),
        (Inn, "ИНН", "text", null),
        (Ogrn, "ОГРН", "text", null),
        (Kpp, "КПП", "text", null),
        (PostponedUntil, "Отложен до", "date", null),
        (PostponeReason, "Причина отложения", "text", null),
    ];

    public static IReadOnlyList<(long Id, string Name, string Type, string? Code)> Contacts { get; } =
    [
        (Position, "Должность", "text", "POSITION"),
        (Phone, "Телефон", "multitext", "PHONE"),
        (Email, "Email", "multitext", "EMAIL"),
        (DecisionMaker, "ЛПР", "checkbox", null),
    ];

    public static IReadOnlyList<(long Id, string Name, string Type, string? Code)> Leads { get; } =
    [
        (Margin, "Маржа", "numeric", null),
    ];

    /// <summary>The account's loss reasons: the id of <see cref="Portal.CompanyBuilder.LossReasons"/>[i] is this + i.</summary>
    public const long FirstLossReason = 8_400_001;
}
