namespace CrmBridge.Foundation;

/// <summary>A setting is missing or invalid. The message names the key and never holds a secret value.</summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationException()
    {
    }

    public IReadOnlyList<string> Problems { get; init; } = [];
}
