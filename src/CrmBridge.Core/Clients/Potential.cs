namespace CrmBridge.Core.Clients;

/// <summary>A client's potential for ABCDE (see <see cref="AbcdeClassifier"/>).</summary>
public enum Potential
{
    /// <summary>Neither category A/B nor a registry value the thresholds need is known.</summary>
    Unknown,
    Low,
    High,
}
