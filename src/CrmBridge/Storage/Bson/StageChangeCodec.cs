using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

/// <summary>
/// Schema 2's layout of a stage move, a document of its own in "stage_changes": written by the schema 2 step and read
/// by the schema 3 step, which moves every move into its deal's document (<see cref="StageMoves"/>).
/// </summary>
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
