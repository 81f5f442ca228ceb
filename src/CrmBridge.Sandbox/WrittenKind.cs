namespace CrmBridge.Sandbox;

public enum WrittenKind
{
    Comment,
    Todo,
    Note,
    Task,
}
