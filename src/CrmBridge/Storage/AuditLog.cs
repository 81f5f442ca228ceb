using System.Globalization;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>Append-only log of action outcomes; sequential ids keep insertion order across restarts.</summary>
internal sealed class AuditLog(LiteDatabase database)
{
    private const string AtField = "at";
    private const string KindField = "kind";
    private const string OutcomeField = "outcome";
    private const string DetailField = "detail";
    private readonly ILiteCollection<BsonDocument> collection = database.GetCollection(StoreCollections.Audit, BsonAutoId.Int64);

    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        collection.Insert(new BsonDocument
        {
            [AtField] = entry.At.ToString("O", CultureInfo.InvariantCulture),
            [StoreCollections.KeyField] = entry.ActionKey,
            [KindField] = entry.ActionKind,
            [OutcomeField] = entry.Outcome,
            [DetailField] = entry.Detail is null ? BsonValue.Null : entry.Detail,
        });
    }

    /// <summary>The last <paramref name="count"/> entries, newest first.</summary>
    public IReadOnlyList<AuditEntry> Recent(int count) =>
        collection.Query().OrderByDescending("_id").Limit(count).ToEnumerable().Select(Read).ToList();

    /// <summary>Every entry about one action, oldest first.</summary>
    public IReadOnlyList<AuditEntry> ForAction(string actionKey) =>
        collection.Find(Query.EQ(StoreCollections.KeyField, actionKey)).OrderBy(d => d["_id"].AsInt64).Select(Read).ToList();

    private static AuditEntry Read(BsonDocument document) => new(
        DateTimeOffset.Parse(document[AtField].AsString, CultureInfo.InvariantCulture),
        document[StoreCollections.KeyField].AsString,
        document[KindField].AsString,
        document[OutcomeField].AsString,
        document[DetailField].IsNull ? null : document[DetailField].AsString);
}
