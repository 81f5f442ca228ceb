using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// When an owner's term started (domain.md "Ownership clock"): the later of when the current owner got the card and
/// the last progress. A postponed card that came back restarts the clock on its return day.
/// </summary>
public sealed record OwnershipClock(DateTimeOffset Start, string StartReason, DateTimeOffset OwnerSince, DateTimeOffset? LastProgress)
{
    public const string ReasonOwnerSince = "owner-since";
    public const string ReasonProgress = "progress";
    public const string ReasonPostponedReturn = "postponed-return";

    public static OwnershipClock Of(RuleInput input, Company company)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(company);
        var ownerSince = OwnerSinceOf(input.Index, company);
        var progress = ProgressHistory.LastProgress(input.Index, company);
        var clock = new OwnershipClock(ownerSince, ReasonOwnerSince, ownerSince, progress);
        if (progress > clock.Start)
        {
            clock = clock with { Start = progress.Value, StartReason = ReasonProgress };
        }

        if (company.PostponedUntil is { } returned && returned <= input.Now && returned > clock.Start)
        {
            clock = clock with { Start = returned, StartReason = ReasonPostponedReturn };
        }

        return clock;
    }

    /// <summary>
    /// The latest of: the card's creation, Company.OwnerSince, and the latest recorded change to the current owner.
    /// Each is a moment the current owner is known to have had the card from.
    /// </summary>
    public static DateTimeOffset OwnerSinceOf(ClientIndex index, Company company)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(company);
        var since = company.CreatedAt;
        if (company.OwnerSince > since)
        {
            since = company.OwnerSince.Value;
        }

        // The latest change to the current owner (a loop: this runs for every card of every evaluation).
        var changes = index.OwnerChangesOf(company.Ref);
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            if (changes[i].ToOwnerId == company.OwnerId)
            {
                since = changes[i].At > since ? changes[i].At : since;
                break;
            }
        }

        return since;
    }
}
