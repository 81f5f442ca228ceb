using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

internal sealed class PipelineCodec : RecordCodec<Pipeline>
{
    public override string Collection => StoreCollections.Pipelines;

    public override bool ModifiedIsReadTime => true;

    public override void Write(Pipeline record, BsonDocument document, AccountCodes accounts)
    {
        document.Put("n", record.Name);
        var stages = new BsonArray();
        foreach (var stage in record.Stages)
        {
            stages.Add(new BsonArray(new BsonValue(stage.Id), new BsonValue(stage.Name), new BsonValue(stage.Sort), new BsonValue((int)stage.Semantics)));
        }

        document["s"] = stages;
        document.Put(ModifiedField, record.ModifiedAt);
    }

    public override Pipeline Read(BsonDocument document, CrmRef self, ReadContext context) => new()
    {
        Ref = self,
        Name = document.Text("n") ?? "",
        Stages = [.. document["s"].AsArray.Select(s => new Stage(s[0].AsString, s[1].AsString, s[2].AsInt32, (StageSemantics)s[3].AsInt32))],
        ModifiedAt = document.Moment(ModifiedField),
    };
}
