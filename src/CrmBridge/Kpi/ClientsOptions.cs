using CrmBridge.Core.Model;

namespace CrmBridge.Kpi;

/// <summary>Kpi:Clients: client status and ABCDE thresholds (amounts in the base currency; README "What the figures mean").</summary>
internal sealed class ClientsOptions
{
    /// <summary>Income is won amounts of the last this-many months; also the "won again" span of Regular.</summary>
    public int WindowMonths { get; set; } = 12;

    public decimal? PartnerIncome { get; set; }

    public decimal? VipIncome { get; set; }

    /// <summary>CRM status field value (Bitrix24:StatusField, AmoCrm:StatusFieldId) → Partner or Vip.</summary>
    public Dictionary<string, ClientStatus> StatusFieldValues { get; set; } = [];

    public decimal TopIncome { get; set; } = 2_000_000m;

    public decimal HighIncome { get; set; } = 500_000m;

    public decimal? PotentialMinRevenue { get; set; }

    public int? PotentialMinHeadcount { get; set; }
}
