using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>How a planted card deviates from a clean background card.</summary>
internal sealed record PlantedRole(PlantedKind Kind, int Owner)
{
    /// <summary>The company index whose legal identity (INN) the card carries; -1 = its own.</summary>
    public int LegalIndex { get; init; } = -1;

    public string? TitleOverride { get; init; }

    /// <summary>For a probable duplicate: the index of the card whose name it repeats.</summary>
    public int OriginalIndex { get; init; } = -1;

    public double CreatedDaysAgo { get; init; } = 400;

    public double ClockDays { get; init; }

    public int OtherManager { get; init; } = -1;

    public ActivityKind? YesterdayContact { get; init; }

    public bool YesterdayDealCreated { get; init; }

    public bool YesterdayDealWon { get; init; }
}
