using System.Text.Json;
using CrmBridge.Core.Model;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CrmBridge.Storage;

/// <summary>Registry answers by INN; a not-found answer is cached too (null profile) so it is not asked again at once.</summary>
internal sealed class EnrichmentCache(LiteDatabase database)
{
    private const string FetchedField = "fetched";
    private readonly ILiteCollection<BsonDocument> collection = database.GetCollection(StoreCollections.Enrichment);

    /// <summary>The cached profile and when it was fetched; a miss is null (not-found answers are cached with a null profile).</summary>
    public CachedProfile? Get(string inn)
    {
        if (InnKey.Of(inn) is not { } key || collection.FindById(key) is not { } document)
        {
            return null;
        }

        var json = document[StoreCollections.JsonField];
        var profile = json.IsNull ? null : JsonSerializer.Deserialize(json.AsBinary, StoreJsonContext.Default.CompanyProfile);
        var fetchedAt = DateTimeOffset.Parse(document[FetchedField].AsString, System.Globalization.CultureInfo.InvariantCulture);
        return new CachedProfile(key, profile, fetchedAt);
    }

    public void Put(string inn, CompanyProfile? profile, DateTimeOffset fetchedAt)
    {
        var key = InnKey.Of(inn) ?? throw new ArgumentException("An INN is required to cache a profile.", nameof(inn));
        collection.Upsert(new BsonDocument
        {
            ["_id"] = key,
            [StoreCollections.JsonField] = profile is null
                ? BsonValue.Null
                : JsonSerializer.SerializeToUtf8Bytes(profile, StoreJsonContext.Default.CompanyProfile),
            [FetchedField] = fetchedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
