namespace CrmBridge.Core.Model;

/// <summary>A sales pipeline with its ordered stages. Ref.Id is the pipeline id.</summary>
public sealed record Pipeline : IRecord
{
    public required CrmRef Ref { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<Stage> Stages { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    public Stage? FindStage(string stageId)
    {
        // A loop, not FirstOrDefault with a lambda: progress checks ask this for every stage move of the base.
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i].Id == stageId)
            {
                return Stages[i];
            }
        }

        return null;
    }
}
