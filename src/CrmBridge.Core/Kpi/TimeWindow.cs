namespace CrmBridge.Core.Kpi;

/// <summary>A half-open interval [From, To): a moment exactly at To belongs to the next window.</summary>
public readonly record struct TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset moment) => moment >= From && moment < To;

    public bool Contains(DateTimeOffset? moment) => moment is { } value && Contains(value);

    /// <summary>The same window one calendar year earlier, for year-over-year comparisons.</summary>
    public TimeWindow YearBefore() => new(From.AddYears(-1), To.AddYears(-1));
}
