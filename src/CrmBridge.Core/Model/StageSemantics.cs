namespace CrmBridge.Core.Model;

/// <summary>What a stage means: still in progress, won or lost (Bitrix24 P/S/F, amoCRM 142/143).</summary>
public enum StageSemantics
{
    Open,
    Won,
    Lost,
}
