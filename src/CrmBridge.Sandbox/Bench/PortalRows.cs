using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// What a full load of one CRM must transfer, counted from the generator the sandbox serves: rows per list and the
/// fewest requests the vendor's paging allows (Bitrix24: 50 rows a page, any 50 pages of any lists in a batch, a list's
/// end told by its count, so no empty page; amoCRM: 250 rows a page, events 100, a full last page costs one more
/// request to see the 204).
/// </summary>
internal sealed record PortalRows(CrmKind Crm, IReadOnlyDictionary<string, long> ByList)
{
    /// <summary>crm.category.list and crm.status.list of the sandbox's one deal pipeline.</summary>
    private const long BitrixPipelineReads = 2;

    public long Total => ByList.Values.Sum();

    public static PortalRows Count(SamplePortal portal, CrmKind crm)
    {
        ArgumentNullException.ThrowIfNull(portal);
        long companies = 0, requisites = 0, contacts = 0, deals = 0, history = 0, calls = 0, meetings = 0, ownerChanges = 0;
        var count = portal.CountIn(crm);
        for (var local = 0; local < count; local++)
        {
            var c = portal.Company(crm, local);
            companies++;
            requisites += c.Inn is null ? 0 : 1;
            contacts += c.Contacts.Count;
            deals += c.Deals.Count;
            foreach (var deal in c.Deals)
            {
                history += deal.History.Count;
            }

            foreach (var activity in c.Activities)
            {
                calls += activity.Kind == ActivityKind.Call ? 1 : 0;
                meetings += activity.Kind == ActivityKind.Meeting ? 1 : 0;
            }

            ownerChanges += c.OwnerChanges.Count;
        }

        var users = PortalUsers.All.Count;
        return crm == CrmKind.Bitrix24
            ? new PortalRows(crm, new Dictionary<string, long>
            {
                ["company"] = companies,
                ["requisite"] = requisites,
                ["contact"] = contacts,
                ["deal"] = deals,
                ["stagehistory"] = history,
                ["activity"] = calls + meetings,
                ["user"] = users,
            })
            : new PortalRows(crm, new Dictionary<string, long>
            {
                // lead_status_changed events are the moves: every history entry after the creation.
                ["company"] = companies,
                ["contact"] = contacts,
                ["lead"] = deals,
                ["task"] = meetings,
                ["call note"] = calls,
                ["event"] = history - deals + ownerChanges,
                ["user"] = users,
            });
    }

    /// <summary>
    /// The fewest HTTP requests that can carry these rows. Bitrix24: every page (an empty list still one) and the
    /// pipeline reads (the category list and the stages of the sandbox's one pipeline) as commands, 50 to a batch:
    /// a floor no client can beat, whatever it packs together.
    /// </summary>
    public long MinimumRequests() => Crm == CrmKind.Bitrix24
        ? Ceiling(ByList.Values.Sum(rows => Math.Max(1, Ceiling(rows, 50))) + BitrixPipelineReads, 50)
        : ByList.Sum(p => KeysetPages(p.Value, p.Key == "event" ? 100 : 250)) + 1; // + the pipelines list

    /// <summary>Pages until the first short one: a list of exactly k·size rows needs one empty page more.</summary>
    private static long KeysetPages(long rows, int pageSize) => (rows / pageSize) + 1;

    private static long Ceiling(long value, long divisor) => (value + divisor - 1) / divisor;
}
