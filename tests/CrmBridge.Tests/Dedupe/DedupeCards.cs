using CrmBridge.Core.Model;

namespace CrmBridge.Tests.Dedupe;

/// <summary>Cards for dedupe host tests.</summary>
internal static class DedupeCards
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));

    public static Company Card(CrmKind crm, string id, string title, string? inn, string? kpp = null, string owner = "7", int ageDays = 100) => new()
    {
        Ref = new CrmRef(crm, crm == CrmKind.Bitrix24 ? "portal.bitrix24.ru" : "firm.amocrm.ru", id),
        Title = title,
        Inn = inn,
        Kpp = kpp,
        OwnerId = owner,
        CreatedAt = Now.AddDays(-ageDays),
        ModifiedAt = Now.AddDays(-1),
    };

    public static Uri? Url(CrmRef card) => new($"https://{card.Account}/crm/company/details/{card.Id}/");
}
