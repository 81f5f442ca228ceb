using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

internal sealed class StageChangeCodec : RecordCodec<StageChange>
{
    public const string DealField = "d";

    public override string Collection => StoreCollections.StageChanges;

    public override IReadOnlyList<string> Indexes => [DealField];

    public override void Write(StageChange record, BsonDocument document, AccountCodes accounts)
    {
        document[DealField] = accounts.Key(record.Deal);
        document.Put("pl", record.PipelineId);
        document.Put("f", record.FromStageId);
        document.Put("to", record.ToStageId);
        document.Put("at", record.At);
        document.Put("by", record.ByUserId);
    }

    public override StageChange Read(BsonDocument document, CrmRef self, ReadContext context) => new()
    {
        Ref = self,
        Deal = context.Ref(document[DealField].AsString),
        PipelineId = document.Text("pl", context.Strings) ?? "",
        FromStageId = document.Text("f", context.Strings),
        ToStageId = document.Text("to", context.Strings) ?? "",
        At = document.Moment("at"),
        ByUserId = document.Text("by", context.Strings),
    };
}
