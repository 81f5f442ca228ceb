namespace CrmBridge.People;

/// <summary>A manager's daily plan under People:Managers:KEY:Daily.</summary>
internal sealed class PersonDailyPlanOptions
{
    public int Calls { get; set; }

    public int Meetings { get; set; }

    public int DealsCreated { get; set; }

    public int DealsWon { get; set; }
}
