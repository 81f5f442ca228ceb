using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// The companies whose stored records changed since the rules last evaluated them, kept in the file so a crash between
/// reading a page and evaluating it loses nothing. <see cref="Everything"/> stands for a change that can alter any
/// company's findings (users, pipelines). Each batch of marks is one document {_id: n, k: [keys]}: a full load marks
/// every company, and a document and a primary-key entry per mark cost about a hundred bytes each where a key in an
/// array costs ten.
/// </summary>
internal sealed class ChangedCompanies
{
    public const string Everything = "*";

    /// <summary>Marks the cards of an INN group a card left: "inn:7707083893".</summary>
    public const string InnPrefix = "inn:";

    private const string KeysField = "k";

    private readonly ILiteCollection<BsonDocument> _collection;
    private readonly AccountCodes _accounts;
    private readonly Lock _sync = new();

    /// <summary>
    /// The keys the file holds, read at the first mark: a company's deals, activities and cards each mark it again
    /// during a load, and a key already there is not written twice. Forgotten when a transaction rolls back.
    /// </summary>
    private HashSet<string>? _marked;

    public ChangedCompanies(LiteDatabase database, AccountCodes accounts)
    {
        _collection = Collection(database);
        _accounts = accounts;
        StoreTransaction.OnRollback(database, Forget);
    }

    /// <summary>Marks stored keys (inside the caller's transaction, when there is one).</summary>
    public void MarkKeys(IEnumerable<string> keys)
    {
        lock (_sync)
        {
            _marked ??= [.. Keys()];
            var fresh = keys.Where(k => !_marked.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
            if (fresh.Count > 0)
            {
                _collection.Insert(new BsonDocument { [KeysField] = new BsonArray(fresh.Select(k => new BsonValue(k))) });
                _marked.UnionWith(fresh);
            }
        }
    }

    public void Mark(IEnumerable<CrmRef> companies) => MarkKeys(companies.Select(_accounts.Key));

    public void MarkEverything() => MarkKeys([Everything]);

    /// <summary>The marks now; pass them to <see cref="Clear"/> once evaluated, so marks made meanwhile stay.</summary>
    public IReadOnlyList<string> Keys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var document in _collection.FindAll())
        {
            foreach (var key in document[KeysField].AsArray)
            {
                if (keys.Add(key.AsString))
                {
                    ordered.Add(key.AsString);
                }
            }
        }

        return ordered;
    }

    public static bool IsEverything(IReadOnlyList<string> keys) => keys.Contains(Everything, StringComparer.Ordinal);

    /// <summary>Takes these keys out of every batch; a batch left empty goes.</summary>
    public void Clear(IEnumerable<string> keys)
    {
        var cleared = keys.ToHashSet(StringComparer.Ordinal);
        if (cleared.Count == 0)
        {
            return;
        }

        lock (_sync)
        {
            _marked?.ExceptWith(cleared);
        }

        foreach (var document in _collection.FindAll().ToList())
        {
            var batch = document[KeysField].AsArray;
            var left = new BsonArray(batch.Where(k => !cleared.Contains(k.AsString)));
            if (left.Count == 0)
            {
                _collection.Delete(document["_id"]);
            }
            else if (left.Count < batch.Count)
            {
                document[KeysField] = left;
                _collection.Update(document);
            }
        }
    }

    public int Count() => Keys().Count;

    /// <summary>Schema 3: the marks of schema 2, a document per key ({_id: key}), become one batch.</summary>
    public static void PackLooseMarks(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var collection = Collection(database);
        var loose = collection.FindAll().Where(d => d["_id"].IsString).Select(d => d["_id"].AsString).ToList();
        if (loose.Count == 0)
        {
            return;
        }

        database.BeginTrans();
        foreach (var key in loose)
        {
            collection.Delete(key);
        }

        collection.Insert(new BsonDocument { [KeysField] = new BsonArray(loose.Select(k => new BsonValue(k))) });
        database.Commit();
    }

    private void Forget()
    {
        lock (_sync)
        {
            _marked = null;
        }
    }

    private static ILiteCollection<BsonDocument> Collection(LiteDatabase database) => database.GetCollection(StoreCollections.Changed, BsonAutoId.Int32);
}
