using CrmBridge.Core.Model;
using CrmBridge.Storage.Bson;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// Records of one kind in one collection, laid out by their <see cref="RecordCodec{T}"/>: {_id: "account code:id",
/// short fields}. A batch is one transaction: each record is compared with its stored copy and only new or changed ones
/// are written, and the companies they belong to are marked changed for the rules.
/// </summary>
internal sealed class RecordRepository<T> : IRecordRepository<T>
    where T : class, IRecord
{
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _collection;
    private readonly RecordCodec<T> _codec;
    private readonly AccountCodes _accounts;
    private readonly Action<IReadOnlyList<(BsonDocument Fresh, BsonDocument? Stored)>, ICollection<string>>? _touches;
    private readonly ChangedCompanies? _changed;
    private readonly RowMeter? _meter;

    /// <summary>Read once: LiteDatabase.Collation builds a new one on every call.</summary>
    private readonly Collation _collation;

    /// <param name="touches">Adds the stored keys of the companies the changes of a batch (new and stored copy) concern.</param>
    public RecordRepository(
        LiteDatabase database, RecordCodec<T> codec, AccountCodes accounts, ChangedCompanies? changed = null,
        Action<IReadOnlyList<(BsonDocument Fresh, BsonDocument? Stored)>, ICollection<string>>? touches = null, RowMeter? meter = null)
    {
        _meter = meter;
        _database = database;
        _collection = database.GetCollection(codec.Collection);
        _collation = database.Collation;
        _codec = codec;
        _accounts = accounts;
        _changed = changed;
        _touches = touches;
    }

    private const int InChunk = 50;

    public int Upsert(IEnumerable<T> records)
    {
        var latest = LatestCopies.Of(records, _meter);
        return latest.Count == 0 ? 0 : StoreTransaction.Run(_database, _accounts, () => Write(latest, FindMany));
    }

    /// <summary>
    /// Every record is inserted without looking for a stored copy: a full load into an account that held nothing. The
    /// primary key still refuses a record that is stored after all, and the transaction then writes nothing.
    /// </summary>
    public int Insert(IEnumerable<T> records)
    {
        var latest = LatestCopies.Of(records, _meter);
        if (latest.Count == 0)
        {
            return 0;
        }

        try
        {
            return StoreTransaction.Run(_database, _accounts, () => Write(latest, _ => new Dictionary<string, BsonDocument>(StringComparer.Ordinal)));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new AlreadyStoredException($"A batch stored as new into '{_collection.Name}' holds a record the Store already has.", ex);
        }
    }

    /// <summary>One look-up of the stored documents serves both the caller's revision and the comparison before writing.</summary>
    public int Revise(IReadOnlyCollection<CrmRef> references, Func<IReadOnlyDictionary<CrmRef, T>, IEnumerable<T>> revise)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(revise);
        return StoreTransaction.Run(_database, _accounts, () =>
        {
            var keys = new Dictionary<string, CrmRef>(StringComparer.Ordinal);
            foreach (var reference in references)
            {
                if (_accounts.KnownKey(reference) is { } key)
                {
                    keys[key] = reference;
                }
            }

            var found = FindMany(keys.Keys.Select(k => new BsonValue(k)));
            var context = new ReadContext(_accounts);
            var stored = new Dictionary<CrmRef, T>();
            foreach (var (key, document) in found)
            {
                if (IsRecord(document))
                {
                    stored[keys[key]] = Read(document, context);
                }
            }

            var latest = LatestCopies.Of(revise(stored), _meter);
            if (latest.Count == 0)
            {
                return 0;
            }

            return Write(latest, wanted =>
            {
                var missing = wanted.Where(k => !found.ContainsKey(k.AsString)).ToList();
                Dictionary<string, BsonDocument> more = missing.Count == 0 ? new(StringComparer.Ordinal) : FindMany(missing);
                foreach (var (key, document) in found)
                {
                    more[key] = document;
                }

                return more;
            });
        });
    }

    /// <summary>Whether any document of the account is here, a record or one with kept fields only.</summary>
    public bool HoldsAny(CrmKind crm, string account) =>
        _accounts.KnownPrefix(crm, account) is { } prefix && _collection.Exists(Query.StartsWith("_id", prefix));

    /// <summary>
    /// Writes a batch inside the caller's transaction: each record is compared with its stored copy (found through
    /// <paramref name="lookup"/>) and only new or changed ones are written; the companies they concern are marked.
    /// </summary>
    private int Write(Dictionary<CrmRef, T> latest, Func<IEnumerable<BsonValue>, Dictionary<string, BsonDocument>> lookup)
    {
        var documents = latest.Select(p => ToDocument(p.Key, p.Value)).ToList();
        var stored = lookup(documents.Select(d => d["_id"]));
        var changed = new List<(BsonDocument Fresh, BsonDocument? Stored)>(documents.Count);
        foreach (var document in documents)
        {
            var before = stored.GetValueOrDefault(document["_id"].AsString);
            KeepFields(before, document);
            if (before is null || !Same(before, document))
            {
                changed.Add((document, before));
            }
        }

        if (changed.Count > 0)
        {
            // The lookup above already knows which are new: an insert needs no second primary-key seek, and an
            // update touches only the documents that differ.
            _collection.Insert(changed.Where(c => c.Stored is null).Select(c => c.Fresh));
            _collection.Update(changed.Where(c => c.Stored is not null).Select(c => c.Fresh));
            if (_changed is not null && _touches is not null)
            {
                var touched = new HashSet<string>(StringComparer.Ordinal);
                _touches(changed, touched);
                _changed.MarkKeys(touched);
            }
        }

        return changed.Count;
    }

    /// <summary>
    /// The stored documents with these keys. One IN query per chunk: each FindById is a query of its own (its
    /// expression parsed, a plan made), which cost more than the primary-key seek it makes, and a page of a full load
    /// asks for dozens of keys none of which is stored yet.
    /// </summary>
    public Dictionary<string, BsonDocument> FindMany(IEnumerable<BsonValue> keys)
    {
        var found = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(InChunk))
        {
            // A parameter, not the keys in the expression's text: LiteDB compiles each new expression text anew.
            var query = chunk.Length == 1 ? KeyEquals(chunk[0]) : BsonExpression.Create("_id IN @0", new BsonArray(chunk));
            foreach (var document in _collection.Find(query))
            {
                var id = document["_id"];
                if (chunk.Any(k => string.Equals(k.AsString, id.AsString, StringComparison.Ordinal)))
                {
                    found[id.AsString] = document;
                    continue;
                }

                // A key the file's collation matched though it differs in letters, as FindById would have matched it.
                foreach (var key in chunk.Where(k => _collation.Compare(k, id) == 0))
                {
                    found[key.AsString] = document;
                }
            }
        }

        return found;
    }

    private static BsonExpression KeyEquals(BsonValue key) => BsonExpression.Create("_id = @0", key);

    /// <summary>
    /// The stored documents whose indexed field holds one of the values. LiteDB checks each document found against the
    /// whole IN list, so the list goes in small chunks.
    /// </summary>
    public IEnumerable<BsonDocument> FindManyBy(string field, IEnumerable<string> values)
    {
        foreach (var chunk in values.Distinct(StringComparer.Ordinal).Chunk(InChunk))
        {
            foreach (var document in _collection.Find(BsonExpression.Create(field + " IN @0", new BsonArray(chunk.Select(v => new BsonValue(v))))))
            {
                yield return document;
            }
        }
    }

    public T? Find(CrmRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _accounts.KnownKey(reference) is { } key && _collection.FindById(key) is { } document && IsRecord(document)
            ? Read(document, new ReadContext(_accounts))
            : null;
    }

    /// <summary>The stored records of these references (those that exist), found in one query a chunk.</summary>
    public Dictionary<CrmRef, T> FindRecords(IEnumerable<CrmRef> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var keys = new Dictionary<string, CrmRef>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (_accounts.KnownKey(reference) is { } key)
            {
                keys[key] = reference;
            }
        }

        var context = new ReadContext(_accounts);
        var found = new Dictionary<CrmRef, T>();
        foreach (var (key, document) in FindMany(keys.Keys.Select(k => new BsonValue(k))))
        {
            if (IsRecord(document))
            {
                found[keys[key]] = Read(document, context);
            }
        }

        return found;
    }

    /// <summary>Every stored document, records and kept-fields-only ones alike, in primary-key order.</summary>
    public IEnumerable<BsonDocument> Documents() => _collection.FindAll();

    /// <summary>The documents whose indexed field holds one of the values, in primary-key order.</summary>
    public IEnumerable<BsonDocument> DocumentsWhereIn(string field, IReadOnlyCollection<string> values) =>
        values.Count == 0 ? [] : FindManyBy(field, values).OrderBy(d => d["_id"], _collation);

    /// <summary>False for a document that holds only fields other writers keep (see <see cref="RecordCodec{T}.RequiredField"/>).</summary>
    public bool IsRecord(BsonDocument document) => _codec.RequiredField is not { } required || document.ContainsKey(required);

    /// <summary>The stored document of a reference (for cheap reads of one field).</summary>
    public BsonDocument? FindDocument(string key) => _collection.FindById(key);

    public IReadOnlyList<T> All() => ReadAll(_collection.FindAll(), new ReadContext(_accounts));

    /// <summary>Every record, sharing references and short texts with others read through the same context.</summary>
    public IReadOnlyList<T> All(ReadContext context) => ReadAll(_collection.FindAll(), context);

    public IReadOnlyList<T> ByAccount(CrmKind crm, string account) =>
        _accounts.KnownPrefix(crm, account) is { } prefix
            ? ReadAll(_collection.Find(Query.StartsWith("_id", prefix)), new ReadContext(_accounts))
            : [];

    public int Count() => _codec.RequiredField is { } required ? _collection.Count(Query.Not(required, BsonValue.Null)) : _collection.Count();

    /// <summary>Records whose indexed field equals one of the values.</summary>
    public IReadOnlyList<T> WhereIn(string field, IReadOnlyCollection<string> values, ReadContext context)
    {
        if (values.Count == 0)
        {
            return [];
        }

        // In primary-key order, as a full read gives them: rules that meet two records at one moment take them in input
        // order, so a part of the base must come in the same order as the whole.
        return ReadAll(DocumentsWhereIn(field, values), context);
    }

    /// <summary>Records with the given stored keys (those that exist).</summary>
    public IReadOnlyList<T> ByKeys(IEnumerable<string> keys, ReadContext context) =>
        ReadAll(FindMany(keys.Select(k => new BsonValue(k))).Values.OrderBy(d => d["_id"], _collation), context);

    public string Key(CrmRef reference) => _accounts.Key(reference);

    public AccountCodes Accounts => _accounts;

    /// <summary>A stored copy's kept fields go into the fresh document, so writing the record leaves them as they are.</summary>
    private void KeepFields(BsonDocument? stored, BsonDocument fresh)
    {
        if (stored is null)
        {
            return;
        }

        foreach (var field in _codec.KeptFields)
        {
            if (stored.TryGetValue(field, out var value))
            {
                fresh[field] = value;
            }
        }
    }

    private BsonDocument ToDocument(CrmRef reference, T record)
    {
        var document = new BsonDocument { ["_id"] = _accounts.Key(reference) };
        _codec.Write(record, document, _accounts);
        return document;
    }

    /// <summary>Byte-wise, not BsonValue equality, which compares strings ignoring case.</summary>
    private bool Same(BsonDocument stored, BsonDocument fresh) =>
        BsonSame.Documents(stored, fresh, _codec.ModifiedIsReadTime ? RecordCodec<T>.ModifiedField : null);

    private List<T> ReadAll(IEnumerable<BsonDocument> documents, ReadContext context)
    {
        var result = new List<T>();
        foreach (var document in documents)
        {
            if (IsRecord(document))
            {
                result.Add(Read(document, context));
            }
        }

        return result;
    }

    /// <summary>The record of a stored document (one <see cref="IsRecord"/> accepts).</summary>
    public T Read(BsonDocument document, ReadContext context)
    {
        var key = document["_id"].AsString;
        try
        {
            return _codec.Read(document, context.Ref(key), context);
        }
        catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or ArgumentException or NullReferenceException or InvalidDataException)
        {
            throw new InvalidDataException($"Stored {typeof(T).Name} '{key}' in '{_collection.Name}' cannot be read: {ex.Message}", ex);
        }
    }
}
