using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Pages of contacts, deals, activities, users and stage history: each page's rows are read into records off the
/// store's thread, then stored in one upsert (or, into an empty account, one insert).
/// </summary>
internal sealed class RecordPageWriter(ICrmStore store, Bitrix24Mapper mapper)
{
    private readonly Lock stageSync = new();
    private readonly Dictionary<string, string> lastStageByDeal = new(StringComparer.Ordinal);

    public StorePage PrepareContacts(IReadOnlyList<JsonElement> rows, RowReader reader) =>
        Store(store.Persons, reader.Read<BitrixContact, Person>("contact", rows, mapper.Person));

    public StorePage PrepareDeals(IReadOnlyList<JsonElement> rows, RowReader reader) =>
        Store(store.Deals, reader.Read<BitrixDeal, Deal>("deal", rows, mapper.Deal));

    public StorePage PrepareUsers(IReadOnlyList<JsonElement> rows, RowReader reader) =>
        Store(store.Managers, reader.Read<BitrixUser, Manager>("user", rows, mapper.Manager));

    /// <summary>
    /// Activities on a contact or a deal are bound to that record's company, as far as the Store knows it when the page
    /// is stored. A page holds many activities of the same few records, so each record is looked up once a page.
    /// </summary>
    public StorePage PrepareActivities(IReadOnlyList<JsonElement> rows, RowReader reader)
    {
        var read = reader.Read<BitrixActivity, ReadActivity>("activity", rows, dto => new ReadActivity(
            mapper.Activity(dto, _ => null, _ => null),
            dto.OwnerTypeId is "3" or "2" && dto.OwnerId?.Trim() is { Length: > 0 } owner ? (dto.OwnerTypeId, owner) : null));
        return nothingStored =>
        {
            var personCompanies = new Dictionary<string, CrmRef?>(StringComparer.Ordinal);
            var dealCompanies = new Dictionary<string, CrmRef?>(StringComparer.Ordinal);
            CrmRef? CompanyOf((string Type, string Id) owner) => owner.Type == "3"
                ? personCompanies.TryGetValue(owner.Id, out var person) ? person : personCompanies[owner.Id] = store.Persons.Find(mapper.Ref(owner.Id))?.Company
                : dealCompanies.TryGetValue(owner.Id, out var deal) ? deal : dealCompanies[owner.Id] = store.Deals.Find(mapper.Ref(owner.Id))?.Company;
            var activities = read.Select(a => a.Owner is { } owner ? a.Activity with { Company = CompanyOf(owner) } : a.Activity).ToList();
            return Store(store.Activities, activities)(nothingStored);
        };
    }

    /// <summary>
    /// The history is read from its first row this run (no stored position): every earlier row of a deal came in this
    /// run, so the Store has nothing to add and is not asked.
    /// </summary>
    public bool StageHistoryFromStart { get; set; }

    /// <summary>
    /// History rows come in ID order, so the stage a deal left is the one of its previous row: from this run, else the
    /// latest stored one of that deal (read through the deal index, not the whole history). Rows are read ahead; the
    /// stage each left is filled in as the pages are stored, in order.
    /// </summary>
    public StorePage PrepareStageHistory(IReadOnlyList<JsonElement> rows, RowReader reader)
    {
        var read = reader.Read<BitrixStageHistoryItem, StageChange>("stagehistory", rows, dto => mapper.StageChange(dto, null));
        return _ =>
        {
            lock (stageSync)
            {
                var unknown = StageHistoryFromStart ? [] : read
                    .Select(c => c.Deal.Id)
                    .Where(id => !lastStageByDeal.ContainsKey(id))
                    .Distinct(StringComparer.Ordinal)
                    .Select(mapper.Ref)
                    .ToList();
                foreach (var deal in store.StageChangesOf(unknown).OrderBy(c => c.At).GroupBy(c => c.Deal.Id))
                {
                    lastStageByDeal[deal.Key] = deal.Last().ToStageId;
                }

                var changes = new List<StageChange>(read.Count);
                foreach (var change in read)
                {
                    var from = lastStageByDeal.GetValueOrDefault(change.Deal.Id);
                    changes.Add(change with { FromStageId = from });
                    lastStageByDeal[change.Deal.Id] = change.ToStageId;
                }

                return Store(store.StageChanges, changes)(false);
            }
        };
    }

    private static StorePage Store<T>(IRecordRepository<T> repository, List<T> records)
        where T : class, IRecord =>
        nothingStored =>
        {
            if (records.Count > 0)
            {
                _ = nothingStored ? repository.Insert(records) : repository.Upsert(records);
            }

            return new PageResult(records.Count);
        };

    private sealed record ReadActivity(Activity Activity, (string Type, string Id)? Owner);
}
