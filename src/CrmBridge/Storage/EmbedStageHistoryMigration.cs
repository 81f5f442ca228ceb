using CrmBridge.Core.Model;
using CrmBridge.Storage.Bson;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// Schema 3: stage moves leave their own collection (a document, a primary-key entry and a deal-index entry each) for
/// their deal's document (<see cref="StageHistory"/>), and the change marks become a few documents of many keys each
/// (<see cref="ChangedCompanies"/>). Nothing a rule reads changes, so nothing is marked for evaluation. The emptied
/// pages go to LiteDB's free list and are reused as the Store grows.
/// </summary>
internal sealed class EmbedStageHistoryMigration : IStoreMigration
{
    private const int Chunk = 5_000;

    public int Version => 3;

    public string Description => "Stage moves inside their deal's document; change marks packed.";

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var accounts = new AccountCodes(database);
        MoveStageChanges(database, accounts);
        ChangedCompanies.PackLooseMarks(database);
    }

    private static void MoveStageChanges(LiteDatabase database, AccountCodes accounts)
    {
        if (!database.CollectionExists(StoreCollections.StageChanges))
        {
            return;
        }

        var history = new StageHistory(database, new RecordRepository<Deal>(database, new DealCodec(), accounts), accounts);
        var codec = new StageChangeCodec();
        var context = new ReadContext(accounts);
        var moves = database.GetCollection(StoreCollections.StageChanges).FindAll()
            .Select(d => codec.Read(d, context.Ref(d["_id"].AsString), context))
            .ToList();
        foreach (var chunk in moves.GroupBy(m => m.Deal).Chunk(Chunk))
        {
            history.Upsert(chunk.SelectMany(g => g));
        }

        database.DropCollection(StoreCollections.StageChanges);
    }
}
