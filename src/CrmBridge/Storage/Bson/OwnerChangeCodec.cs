using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

internal sealed class OwnerChangeCodec : RecordCodec<OwnerChange>
{
    public override string Collection => StoreCollections.OwnerChanges;

    public override IReadOnlyList<string> Indexes => [CompanyField];

    public override void Write(OwnerChange record, BsonDocument document, AccountCodes accounts)
    {
        document[CompanyField] = accounts.Key(record.Company);
        document.Put("f", record.FromOwnerId);
        document.Put("to", record.ToOwnerId);
        document.Put("at", record.At);
    }

    public override OwnerChange Read(BsonDocument document, CrmRef self, ReadContext context) => new()
    {
        Ref = self,
        Company = context.Ref(document[CompanyField].AsString),
        FromOwnerId = document.Text("f", context.Strings),
        ToOwnerId = document.Text("to", context.Strings) ?? "",
        At = document.Moment("at"),
    };
}
