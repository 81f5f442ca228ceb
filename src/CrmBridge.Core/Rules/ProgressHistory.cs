using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Progress on a company (domain.md "Progress"): a deal created with an amount above zero, a move to a won stage, or
/// a move to an open stage with a higher sort than the stage it left. Backward moves, moves to a lost stage, calls
/// and e-mails are not progress.
/// </summary>
public static class ProgressHistory
{
    /// <summary>The latest progress on the company's deals, or null if there never was any.</summary>
    public static DateTimeOffset? LastProgress(ClientIndex index, Company company)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(company);
        DateTimeOffset? last = null;
        foreach (var deal in index.DealsOf(company.Ref))
        {
            last = Later(last, LastProgress(index, deal));
        }

        return last;
    }

    public static DateTimeOffset? LastProgress(ClientIndex index, Deal deal)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(deal);
        DateTimeOffset? last = deal.Amount > 0 ? deal.CreatedAt : null;
        if (deal.Outcome == DealOutcome.Won)
        {
            // A won deal counts even when the CRM kept no stage history for it.
            last = Later(last, deal.ClosedAt ?? deal.StageEnteredAt ?? deal.ModifiedAt);
        }

        foreach (var change in index.StageChangesOf(deal.Ref))
        {
            if (IsProgress(index.Pipeline(deal.Ref, change.PipelineId), change))
            {
                last = Later(last, change.At);
            }
        }

        return last;
    }

    public static bool IsProgress(Pipeline? pipeline, StageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var to = pipeline?.FindStage(change.ToStageId);
        if (to is null)
        {
            return false;
        }

        if (to.Semantics == StageSemantics.Won)
        {
            return true;
        }

        var from = change.FromStageId is null ? null : pipeline!.FindStage(change.FromStageId);
        return to.Semantics == StageSemantics.Open && from is not null && to.Sort > from.Sort;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a > b ? a : b);
}
