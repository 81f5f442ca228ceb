using CrmBridge.Core.Model;

namespace CrmBridge.Storage.Bson;

/// <summary>
/// One read of many records: references to one company or deal, and repeated short texts, become one shared instance
/// each, which is most of the in-memory saving over a record-by-record read.
/// </summary>
internal sealed class ReadContext(AccountCodes accounts)
{
    private readonly Dictionary<string, CrmRef> _refs = new(StringComparer.Ordinal);

    public StringPool Strings { get; } = new();

    public CrmRef Ref(string key)
    {
        if (!_refs.TryGetValue(key, out var reference))
        {
            reference = accounts.Ref(key);
            _refs[key] = reference;
        }

        return reference;
    }

    public CrmRef? OptionalRef(LiteDB.BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsString ? Ref(value.AsString) : null;
}
