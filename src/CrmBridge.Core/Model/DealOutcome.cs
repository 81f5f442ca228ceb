namespace CrmBridge.Core.Model;

public enum DealOutcome
{
    Open,
    Won,
    Lost,
}
