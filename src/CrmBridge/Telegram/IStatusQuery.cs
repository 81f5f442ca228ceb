namespace CrmBridge.Telegram;

/// <summary>What /status shows heads: the lines of `crmbridge status` (bound to the health report by the host).</summary>
internal interface IStatusQuery
{
    IReadOnlyList<string> Lines();
}
