namespace CrmBridge.Notifications;

/// <summary>Section "Notifications": how a recipient's findings of one tick are sent.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>More findings than this for one recipient in one tick (or any on the first run) → summary + CSV file.</summary>
    public int SummaryThreshold { get; set; } = 10;

    /// <summary>The first run (the backlog CrmBridge finds on arrival) is always a summary with the file.</summary>
    public bool SummaryOnFirstRun { get; set; } = true;

    /// <summary>How many of the most urgent items the summary names with their card links.</summary>
    public int SummaryTopItems { get; set; } = 5;
}
