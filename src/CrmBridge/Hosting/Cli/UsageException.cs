namespace CrmBridge.Hosting.Cli;

/// <summary>A verb's input that the parser cannot judge (a value out of range, a file that exists already): exit 64.</summary>
internal sealed class UsageException(string message) : Exception(message);
