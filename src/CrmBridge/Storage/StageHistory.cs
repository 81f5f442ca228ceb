using CrmBridge.Core.Model;
using CrmBridge.Storage.Bson;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// Stage moves stored inside their deal's document (<see cref="StageMoves"/>), not one document each: a move is a few
/// dozen bytes, and as a document of its own it cost about as much again in LiteDB's block and page overhead, a
/// primary-key entry and a deal-index entry. Moves that come before their deal wait in a document holding only them,
/// which the deal's first write fills in. A batch is one transaction; a deal whose moves changed marks its company.
/// </summary>
internal sealed class StageHistory : IRecordRepository<StageChange>
{
    private readonly LiteDatabase _database;
    private readonly RecordRepository<Deal> _deals;
    private readonly ILiteCollection<BsonDocument> _collection;
    private readonly AccountCodes _accounts;
    private readonly ChangedCompanies? _changed;
    private readonly RowMeter? _meter;

    /// <summary>Read once: LiteDatabase.Collation builds a new one on every call.</summary>
    private readonly Collation _collation;

    public StageHistory(LiteDatabase database, RecordRepository<Deal> deals, AccountCodes accounts, ChangedCompanies? changed = null, RowMeter? meter = null)
    {
        _database = database;
        _deals = deals;
        _collection = database.GetCollection(StoreCollections.Deals);
        _collation = database.Collation;
        _accounts = accounts;
        _changed = changed;
        _meter = meter;
    }

    /// <summary>Each move replaces a stored one with its reference; returns how many were new or changed.</summary>
    public int Upsert(IEnumerable<StageChange> records)
    {
        var latest = LatestCopies.Of(records, _meter);
        if (latest.Count == 0)
        {
            return 0;
        }

        return StoreTransaction.Run(_database, _accounts, () =>
        {
            var context = new ReadContext(_accounts);
            var touched = new HashSet<string>(StringComparer.Ordinal);
            var changed = 0;
            var groups = latest.Values.GroupBy(m => _accounts.Key(m.Deal), StringComparer.Ordinal).ToList();
            var documents = _deals.FindMany(groups.Select(g => new BsonValue(g.Key)));
            foreach (var group in groups)
            {
                var document = documents.GetValueOrDefault(group.Key);
                var stored = new List<StageChange>();
                if (document is not null)
                {
                    StageMoves.Read(document, context, stored);
                }

                var moves = stored.ToDictionary(m => m.Ref);
                var before = changed;
                foreach (var move in group)
                {
                    if (!moves.TryGetValue(move.Ref, out var known) || !StageMoves.Same(known, move))
                    {
                        moves[move.Ref] = move;
                        changed++;
                    }
                }

                if (changed == before)
                {
                    continue;
                }

                document ??= new BsonDocument { ["_id"] = group.Key };
                document[StageMoves.Field] = StageMoves.Write(moves.Values, context.Ref(group.Key), _accounts, _collation);
                _collection.Upsert(document);
                if (document.Text(RecordCodec<Deal>.CompanyField) is { } company)
                {
                    touched.Add(company);
                }
            }

            if (_changed is not null && touched.Count > 0)
            {
                _changed.MarkKeys(touched);
            }

            return changed;
        });
    }

    /// <summary>Scans the moves of the reference's account: no query asks for one move by its id.</summary>
    public StageChange? Find(CrmRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return ByAccount(reference.Crm, reference.Account).FirstOrDefault(m => m.Ref == reference);
    }

    public IReadOnlyList<StageChange> All() => Read(_deals.Documents(), new ReadContext(_accounts));

    /// <summary>Moves are stored with a deal of their own account, so an account's moves are in its deals' documents.</summary>
    public IReadOnlyList<StageChange> ByAccount(CrmKind crm, string account) =>
        _accounts.KnownPrefix(crm, account) is { } prefix
            ? Read(_collection.Find(Query.StartsWith("_id", prefix)), new ReadContext(_accounts)).Where(m => m.Ref.Crm == crm && m.Ref.Account == account).ToList()
            : [];

    public int Count() => All().Count;

    /// <summary>The stored moves of these deals.</summary>
    public IReadOnlyList<StageChange> Of(IEnumerable<string> dealKeys, ReadContext context)
    {
        var keys = dealKeys.Distinct(StringComparer.Ordinal).ToList();
        var found = _deals.FindMany(keys.Select(k => new BsonValue(k)));
        return Read(keys.Select(found.GetValueOrDefault).OfType<BsonDocument>(), context);
    }

    public static List<StageChange> Read(IEnumerable<BsonDocument> dealDocuments, ReadContext context)
    {
        var moves = new List<StageChange>();
        foreach (var document in dealDocuments)
        {
            StageMoves.Read(document, context, moves);
        }

        return moves;
    }
}
