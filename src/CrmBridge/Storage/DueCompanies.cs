using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// Each evaluated company's next due moment: when its findings can change with no record changing (a term ends, a
/// postponement returns, evidence leaves a window). Indexed, so a tick finds the companies that fell due without
/// reading the others.
/// </summary>
internal sealed class DueCompanies(LiteDatabase database, AccountCodes accounts)
{
    private const string AtField = "t";
    private readonly ILiteCollection<BsonDocument> _collection = database.GetCollection(StoreCollections.Due);

    /// <summary>Stores each company's next due moment; a company with none is removed.</summary>
    public void Set(IEnumerable<(CrmRef Company, DateTimeOffset? Due)> moments) =>
        SetKeys(moments.Select(m => (accounts.Key(m.Company), m.Due)));

    /// <summary>As <see cref="Set"/>, by stored key.</summary>
    public void SetKeys(IEnumerable<(string Key, DateTimeOffset? Due)> moments)
    {
        var upserts = new List<BsonDocument>();
        foreach (var (key, due) in moments)
        {
            if (due is { } at)
            {
                upserts.Add(new BsonDocument { ["_id"] = key, [AtField] = at.UtcTicks });
            }
            else
            {
                _collection.Delete(key);
            }
        }

        if (upserts.Count > 0)
        {
            _collection.Upsert(upserts);
        }
    }

    /// <summary>The keys of the companies due at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<string> DueBy(DateTimeOffset now) =>
        [.. _collection.Find(Query.LTE(AtField, now.UtcTicks)).Select(d => d["_id"].AsString)];

    public DateTimeOffset? Of(CrmRef company) =>
        accounts.KnownKey(company) is { } key && _collection.FindById(key) is { } document
            ? new DateTimeOffset(document[AtField].AsInt64, TimeSpan.Zero)
            : null;

    public void EnsureIndex() => _collection.EnsureIndex(AtField);
}
