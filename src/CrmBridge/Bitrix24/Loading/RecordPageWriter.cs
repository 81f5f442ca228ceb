using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>Stores pages of contacts, deals, activities, users and stage history: one upsert per page.</summary>
internal sealed class RecordPageWriter(ICrmStore store, Bitrix24Mapper mapper)
{
    private readonly Lock stageSync = new();
    private readonly Dictionary<string, string> lastStageByDeal = new(StringComparer.Ordinal);

    public PageResult StoreContacts(IReadOnlyList<JsonElement> rows, RowReader reader) =>
        Upsert(store.Persons, reader.Read<BitrixContact, Person>("contact", rows, mapper.Person));

    public PageResult StoreDeals(IReadOnlyList<JsonElement> rows, RowReader reader) =>
        Upsert(store.Deals, reader.Read<BitrixDeal, Deal>("deal", rows, mapper.Deal));

    public PageResult StoreUsers(IReadOnlyList<JsonElement> rows, RowReader reader) =>
        Upsert(store.Managers, reader.Read<BitrixUser, Manager>("user", rows, mapper.Manager));

    /// <summary>
    /// Activities on a contact or a deal are bound to that record's company, as far as the Store knows it. A page holds
    /// many activities of the same few records, so each record is looked up once a page.
    /// </summary>
    public PageResult StoreActivities(IReadOnlyList<JsonElement> rows, RowReader reader)
    {
        var personCompanies = new Dictionary<string, CrmRef?>(StringComparer.Ordinal);
        var dealCompanies = new Dictionary<string, CrmRef?>(StringComparer.Ordinal);
        CrmRef? PersonCompany(string id) =>
            personCompanies.TryGetValue(id, out var known) ? known : personCompanies[id] = store.Persons.Find(mapper.Ref(id))?.Company;
        CrmRef? DealCompany(string id) =>
            dealCompanies.TryGetValue(id, out var known) ? known : dealCompanies[id] = store.Deals.Find(mapper.Ref(id))?.Company;
        return Upsert(store.Activities, reader.Read<BitrixActivity, Activity>("activity", rows, dto => mapper.Activity(dto, PersonCompany, DealCompany)));
    }

    /// <summary>
    /// The history is read from its first row this run (no stored position): every earlier row of a deal came in this
    /// run, so the Store has nothing to add and is not asked.
    /// </summary>
    public bool StageHistoryFromStart { get; set; }

    /// <summary>
    /// History rows come in ID order, so the stage a deal left is the one of its previous row: from this run, else the
    /// latest stored one of that deal (read through the deal index, not the whole history).
    /// </summary>
    public PageResult StoreStageHistory(IReadOnlyList<JsonElement> rows, RowReader reader)
    {
        lock (stageSync)
        {
            var unknown = StageHistoryFromStart ? [] : rows
                .Select(r => r.TryGetProperty("OWNER_ID", out var owner) ? owner.ToString() : null)
                .OfType<string>()
                .Where(id => !lastStageByDeal.ContainsKey(id))
                .Distinct(StringComparer.Ordinal)
                .Select(mapper.Ref)
                .ToList();
            foreach (var deal in store.StageChangesOf(unknown).OrderBy(c => c.At).GroupBy(c => c.Deal.Id))
            {
                lastStageByDeal[deal.Key] = deal.Last().ToStageId;
            }

            var changes = reader.Read<BitrixStageHistoryItem, StageChange>("stagehistory", rows, dto =>
            {
                var from = dto.OwnerId is not null && lastStageByDeal.TryGetValue(dto.OwnerId, out var previous) ? previous : null;
                var change = mapper.StageChange(dto, from);
                lastStageByDeal[change.Deal.Id] = change.ToStageId;
                return change;
            });
            return Upsert(store.StageChanges, changes);
        }
    }

    private static PageResult Upsert<T>(IRecordRepository<T> repository, List<T> records)
        where T : class, IRecord
    {
        if (records.Count > 0)
        {
            repository.Upsert(records);
        }

        return new PageResult(records.Count);
    }
}
