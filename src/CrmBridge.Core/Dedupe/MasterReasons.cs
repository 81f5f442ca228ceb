namespace CrmBridge.Core.Dedupe;

/// <summary>Why a card was chosen as the master of its group (domain.md section 2, "Master"); reports show these words.</summary>
public static class MasterReasons
{
    public const string Oldest = "oldest";
    public const string MoreComplete = "more complete";
    public const string Bitrix24First = "Bitrix24 first";
    public const string LowestId = "lowest id";
}
