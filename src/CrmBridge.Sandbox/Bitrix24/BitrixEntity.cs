using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>
/// How one list method maps onto the portal: id slots per company, the company filter field, the change-date field
/// and, for the change index, the latest moment that field takes among a company's rows (null: no rows).
/// </summary>
internal sealed record BitrixEntity(
    string Name,
    long AmoBase,
    int Slots,
    string? CompanyField,
    string DateField,
    Func<BitrixRows, PortalCompany, IEnumerable<BitrixRow>> Rows,
    Func<long, int> CompanyLocalOf,
    Func<PortalCompany, DateTimeOffset?> LatestChange)
{
    public static readonly BitrixEntity Company = new(
        "company", PortalIds.AmoCompanyBase, 1, "ID", "DATE_MODIFY", (r, c) => [r.Company(c)], id => (int)(id - 1), c => c.ModifiedAt);

    public static readonly BitrixEntity Requisite = new(
        "requisite", PortalIds.AmoCompanyBase, 1, "ENTITY_ID", "DATE_MODIFY",
        (r, c) => c.Inn is null ? [] : [r.Requisite(c)], id => (int)(id - 1), c => c.Inn is null ? null : c.CreatedAt);

    public static readonly BitrixEntity Contact = new(
        "contact", PortalIds.AmoContactBase, PortalIds.ContactSlots, "COMPANY_ID", "DATE_MODIFY",
        (r, c) => c.Contacts.Select(p => r.Contact(c, p)), id => (int)(id - 1), c => Latest(c.Contacts.Select(p => p.CreatedAt)));

    public static readonly BitrixEntity Deal = new(
        "deal", PortalIds.AmoDealBase, PortalIds.DealSlots, "COMPANY_ID", "DATE_MODIFY",
        (r, c) => c.Deals.Select(d => r.Deal(c, d)), id => (int)(id - 1), c => Latest(c.Deals.Select(d => d.ModifiedAt)));

    public static readonly BitrixEntity Activity = new(
        "activity", PortalIds.AmoActivityBase, PortalIds.ActivitySlots, "OWNER_ID", "LAST_UPDATED",
        (r, c) => c.Activities.Select(a => r.Activity(c, a)), id => (int)(id - 1), c => Latest(c.Activities.Select(a => a.At.AddSeconds(a.DurationSeconds))));

    /// <summary>Stage history: eight ids per deal, four deals per company; filtered by deal (OWNER_ID).</summary>
    public static readonly BitrixEntity StageHistory = new(
        "stagehistory", 0, PortalIds.DealSlots * PortalIds.HistorySlots, "OWNER_ID", "CREATED_TIME",
        (_, c) => c.Deals.SelectMany(d => d.History.Select((_, step) => BitrixRows.StageChange(d, step))),
        dealId => (int)((dealId - 1) / PortalIds.DealSlots), c => Latest(c.Deals.SelectMany(d => d.History.Select(h => h.At))));

    /// <summary>The lists served from the generator, in the order of the change index built over them.</summary>
    public static readonly IReadOnlyList<BitrixEntity> Listed = [Company, Requisite, Contact, Deal, Activity, StageHistory];

    public bool ChangesOnTouch => Name == "company";

    public int FirstLocalAfter(long afterId) => PortalIds.FirstLocalAfter(CrmKind.Bitrix24, afterId, AmoBase, Slots);

    private static DateTimeOffset? Latest(IEnumerable<DateTimeOffset> moments)
    {
        DateTimeOffset? latest = null;
        foreach (var at in moments)
        {
            latest = latest is { } l && l >= at ? l : at;
        }

        return latest;
    }
}
