namespace CrmBridge.Sandbox.Bench;

/// <summary>What to measure and at which sizes.</summary>
internal sealed record BenchSettings
{
    /// <summary>Fewer leave the amoCRM share too small for the generator's planted cards.</summary>
    public const int MinCompanies = 400;

    /// <summary>Bitrix24's share of every sandbox base (the rest is amoCRM): the generator's largest.</summary>
    public const double BitrixShare = 0.8;

    /// <summary>
    /// Companies in both CRMs together for the large base: its full loads are the full-load rows, its Store file the
    /// state row, and its ticks are compared with the small base's.
    /// </summary>
    public int Companies { get; init; } = 20_000;

    /// <summary>Companies in both CRMs together for the small base the ticks are compared against.</summary>
    public int SmallCompanies { get; init; } = 2_000;

    /// <summary>Companies (across both CRMs) for the core; activities are topped up to three a company.</summary>
    public int CoreCompanies { get; init; } = 1_000_000;

    public int ActivitiesPerCompany { get; init; } = 3;

    public bool RunSync { get; init; } = true;

    public bool RunCore { get; init; } = true;

    /// <summary>The sandbox enforces the vendors' limits and the clients are set to them; off only for smoke tests.</summary>
    public bool RateLimits { get; init; } = true;

    /// <summary>Share of companies touched before the changed tick.</summary>
    public double ChangedShare { get; init; } = 0.01;

    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The portal's moment; the rules and the generated history are relative to it.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3));

    /// <summary>Said next to the figures: the machine the bench ran on was not idle.</summary>
    public string MachineNote { get; init; } = "";
}
