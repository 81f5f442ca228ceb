namespace CrmBridge.Core.Model;

/// <summary>A sales pipeline with its ordered stages. Ref.Id is the pipeline id.</summary>
public sealed record Pipeline : IRecord
{
    public required CrmRef Ref { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<Stage> Stages { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    public Stage? FindStage(string stageId) => Stages.FirstOrDefault(s => s.Id == stageId);
}
