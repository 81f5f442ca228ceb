using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// The companies whose stored records changed since the rules last evaluated them, kept in the file so a crash between
/// reading a page and evaluating it loses nothing. <see cref="Everything"/> stands for a change that can alter any
/// company's findings (users, pipelines).
/// </summary>
internal sealed class ChangedCompanies(LiteDatabase database, AccountCodes accounts)
{
    public const string Everything = "*";

    /// <summary>Marks the cards of an INN group a card left: "inn:7707083893".</summary>
    public const string InnPrefix = "inn:";

    private readonly ILiteCollection<BsonDocument> _collection = database.GetCollection(StoreCollections.Changed);

    /// <summary>Marks stored keys (inside the caller's transaction, when there is one).</summary>
    public void MarkKeys(IEnumerable<string> keys)
    {
        var documents = keys.Distinct(StringComparer.Ordinal).Select(k => new BsonDocument { ["_id"] = k }).ToList();
        if (documents.Count > 0)
        {
            _collection.Upsert(documents);
        }
    }

    public void Mark(IEnumerable<CrmRef> companies) => MarkKeys(companies.Select(accounts.Key));

    public void MarkEverything() => MarkKeys([Everything]);

    /// <summary>The marks now; pass them to <see cref="Clear"/> once evaluated, so marks made meanwhile stay.</summary>
    public IReadOnlyList<string> Keys() => [.. _collection.FindAll().Select(d => d["_id"].AsString)];

    public static bool IsEverything(IReadOnlyList<string> keys) => keys.Contains(Everything, StringComparer.Ordinal);


    public void Clear(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            _collection.Delete(key);
        }
    }

    public int Count() => _collection.Count();
}
