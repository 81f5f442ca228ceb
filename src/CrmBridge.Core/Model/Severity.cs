namespace CrmBridge.Core.Model;

public enum Severity
{
    Info,
    Warning,
    Violation,
}
