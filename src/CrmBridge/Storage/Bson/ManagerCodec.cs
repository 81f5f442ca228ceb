using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

internal sealed class ManagerCodec : RecordCodec<Manager>
{
    public override string Collection => StoreCollections.Managers;

    public override bool ModifiedIsReadTime => true;

    public override void Write(Manager record, BsonDocument document, AccountCodes accounts)
    {
        document.Put("n", record.Name);
        document.Put("e", record.Email);
        document.Put("off", !record.Active);
        document.Put(ModifiedField, record.ModifiedAt);
    }

    public override Manager Read(BsonDocument document, CrmRef self, ReadContext context) => new()
    {
        Ref = self,
        Name = document.Text("n") ?? "",
        Email = document.Text("e"),
        Active = !document.Flag("off"),
        ModifiedAt = document.Moment(ModifiedField),
    };
}
