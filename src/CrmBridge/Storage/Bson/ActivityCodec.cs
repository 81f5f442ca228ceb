using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

internal sealed class ActivityCodec : RecordCodec<Activity>
{
    public override string Collection => StoreCollections.Activities;

    public override IReadOnlyList<string> Indexes => [CompanyField];

    public override void Write(Activity record, BsonDocument document, AccountCodes accounts)
    {
        document.Put(CompanyField, record.Company is { } company ? accounts.Key(company) : null);
        document.Put("d", record.Deal is { } deal ? accounts.Key(deal) : null);
        document.Put("k", (int)record.Kind);
        document.Put("dir", (int)record.Direction);
        document.Put("o", record.OwnerId);
        document.Put("at", record.At);
        document.Put("ok", record.Completed);
        document.Put("s", record.Subject);

        // Most activities are never edited: their change time is their time.
        document.Put(ModifiedField, record.ModifiedAt.EqualsExact(record.At) ? null : record.ModifiedAt);
        document.Put("x", record.IsDeleted);
    }

    public override Activity Read(BsonDocument document, CrmRef self, ReadContext context)
    {
        var at = document.Moment("at");
        return new Activity
        {
            Ref = self,
            Company = context.OptionalRef(document, CompanyField),
            Deal = context.OptionalRef(document, "d"),
            Kind = (ActivityKind)document.Number("k"),
            Direction = (Direction)document.Number("dir"),
            OwnerId = document.Text("o", context.Strings),
            At = at,
            Completed = document.Flag("ok"),
            Subject = document.Text("s", context.Strings),
            ModifiedAt = document.OptionalMoment(ModifiedField) ?? at,
            IsDeleted = document.Flag("x"),
        };
    }
}
