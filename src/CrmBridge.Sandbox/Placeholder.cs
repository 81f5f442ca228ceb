namespace CrmBridge.Sandbox; internal static class Placeholder { }
