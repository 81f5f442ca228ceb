namespace CrmBridge.Kpi;

internal sealed class DailyPlanOptions
{
    public int Calls { get; set; }

    public int Meetings { get; set; }

    public int DealsCreated { get; set; }

    public int DealsWon { get; set; }
}
