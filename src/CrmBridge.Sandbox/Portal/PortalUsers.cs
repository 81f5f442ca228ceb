namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// The people of the sample portal: an admin (the Bitrix24 webhook runs as this user), the pool user "Свободная база",
/// five managers and an integration user that owns some cards and makes no contacts (the last two are nobody's manager).
/// </summary>
public static class PortalUsers
{
    public const int Admin = 0;
    public const int Pool = 1;
    public const int FirstManager = 2;
    public const int ManagerCount = 5;
    public const int Technical = 7;

    public static IReadOnlyList<PortalUser> All { get; } =
    [
        new(Admin, PortalUserRole.Admin, "Администратор", "Портала", "admin@sales.example", 1, 8_100_001),
        new(Pool, PortalUserRole.Pool, "Свободная", "база", "pool@sales.example", 2, 8_100_002),
        new(2, PortalUserRole.Manager, "Анна", "Смирнова", "a.smirnova@sales.example", 3, 8_100_003),
        new(3, PortalUserRole.Manager, "Дмитрий", "Кузнецов", "d.kuznetsov@sales.example", 4, 8_100_004),
        new(4, PortalUserRole.Manager, "Ольга", "Волкова", "o.volkova@sales.example", 5, 8_100_005),
        new(5, PortalUserRole.Manager, "Сергей", "Павлов", "s.pavlov@sales.example", 6, 8_100_006),
        new(6, PortalUserRole.Manager, "Марина", "Орлова", "m.orlova@sales.example", 7, 8_100_007),
        new(Technical, PortalUserRole.Technical, "Интеграция", "1С", "integration@sales.example", 8, 8_100_008),
    ];

    public static int Manager(int number) => FirstManager + number;

    public static int ByCrmId(CrmBridge.Core.Model.CrmKind crm, long id)
    {
        foreach (var user in All)
        {
            if (user.IdIn(crm) == id)
            {
                return user.Index;
            }
        }

        return -1;
    }
}
