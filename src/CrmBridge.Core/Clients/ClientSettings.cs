using CrmBridge.Core.Model;

namespace CrmBridge.Core.Clients;

/// <summary>
/// Thresholds for client status and ABCDE (the host maps Kpi:Clients:* and Rules:SleepingDays into it). Amounts are
/// in the base currency; deals in another currency without a conversion rate do not count toward them.
/// </summary>
public sealed record ClientSettings
{
    /// <summary>No won deal and no contact for this many local days makes a client sleeping (Rules:SleepingDays); 0 = off.</summary>
    public int SleepingDays { get; init; } = 180;

    /// <summary>Income is won amounts closed in the last this-many months; also the "won again" span of Regular.</summary>
    public int WindowMonths { get; init; } = 12;

    /// <summary>Income over the window that makes a client a Partner; null = not by income.</summary>
    public decimal? PartnerIncome { get; init; }

    /// <summary>Income over the window that makes a client a VIP; null = not by income.</summary>
    public decimal? VipIncome { get; init; }

    /// <summary>
    /// Values of the CRM status field (Company.StatusFieldValue) that mark a Partner or a VIP, compared trimmed and
    /// ignoring case; only <see cref="ClientStatus.Partner"/> and <see cref="ClientStatus.Vip"/> are read.
    /// </summary>
    public IReadOnlyDictionary<string, ClientStatus> StatusFieldValues { get; init; } = new Dictionary<string, ClientStatus>();

    /// <summary>ABCDE: income in a channel at or above this, with high potential, is A.</summary>
    public decimal TopIncome { get; init; } = 2_000_000m;

    /// <summary>ABCDE: income in a channel at or above this is at least B.</summary>
    public decimal HighIncome { get; init; } = 500_000m;

    /// <summary>Potential: registry revenue at or above this is high potential; null = not applied.</summary>
    public decimal? PotentialMinRevenue { get; init; }

    /// <summary>Potential: registry headcount at or above this is high potential; null = not applied.</summary>
    public int? PotentialMinHeadcount { get; init; }
}
