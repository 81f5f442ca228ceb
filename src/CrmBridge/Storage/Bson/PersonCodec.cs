using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

internal sealed class PersonCodec : RecordCodec<Person>
{
    public override string Collection => StoreCollections.Persons;

    public override void Write(Person record, BsonDocument document, AccountCodes accounts)
    {
        document.Put(CompanyField, record.Company is { } company ? accounts.Key(company) : null);
        document.Put("n", record.Name);
        document.Put("p", record.Position);
        document.Put("dm", record.IsDecisionMaker);
        document.Put("ph", record.Phones);
        document.Put("em", record.Emails);
        document.Put("o", record.OwnerId);
        document.Put("cr", record.CreatedAt);
        document.Put(ModifiedField, record.ModifiedAt);
        document.Put("x", record.IsDeleted);
    }

    public override Person Read(BsonDocument document, CrmRef self, ReadContext context) => new()
    {
        Ref = self,
        Company = context.OptionalRef(document, CompanyField),
        Name = document.Text("n") ?? "",
        Position = document.Text("p", context.Strings),
        IsDecisionMaker = document.Flag("dm"),
        Phones = document.Texts("ph"),
        Emails = document.Texts("em"),
        OwnerId = document.Text("o", context.Strings),
        CreatedAt = document.Moment("cr"),
        ModifiedAt = document.Moment(ModifiedField),
        IsDeleted = document.Flag("x"),
    };
}
