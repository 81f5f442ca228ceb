using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>An amoCRM list: its _embedded key, its largest page, its type filter and its rows per company.</summary>
internal sealed record AmoEntity(string Embedded, int MaxLimit, string? TypeFilter, string DateFilter, bool ChangesOnTouch, Func<PortalCompany, IEnumerable<AmoRow>> Rows)
{
    public static readonly AmoEntity Companies = new("companies", 250, null, "updated_at", true, c => [AmoJson.Company(c)]);

    public static readonly AmoEntity Contacts = new("contacts", 250, null, "updated_at", false, c => c.Contacts.Select(p => AmoJson.Contact(c, p)));

    public static readonly AmoEntity Leads = new("leads", 250, null, "updated_at", false, c => c.Deals.Select(d => AmoJson.Lead(c, d)));

    public static readonly AmoEntity Notes = new("notes", 250, "note_type", "updated_at", false, c =>
        c.Activities.Where(a => a.Kind == ActivityKind.Call).Select(a => AmoJson.Note(c, a)));

    public static readonly AmoEntity Tasks = new("tasks", 250, "task_type", "updated_at", false, c =>
        c.Activities.Where(a => a.Kind == ActivityKind.Meeting).Select(a => AmoJson.Task(c, a)));

    public static readonly AmoEntity Events = new("events", 100, "type", "created_at", false, AmoEvents.For);

    /// <summary>The lists served from the generator, in the order of the change index built over them.</summary>
    public static readonly IReadOnlyList<AmoEntity> Listed = [Companies, Contacts, Leads, Notes, Tasks, Events];

    /// <summary>The latest moment the date filter compares among a company's rows; null when it has none.</summary>
    public DateTimeOffset? LatestChange(PortalCompany company)
    {
        long? latest = null;
        foreach (var row in Rows(company))
        {
            latest = latest is { } l && l >= row.UpdatedAt ? l : row.UpdatedAt;
        }

        return latest is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }
}
