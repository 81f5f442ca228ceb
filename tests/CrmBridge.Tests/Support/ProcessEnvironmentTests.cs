namespace CrmBridge.Tests.Support;

/// <summary>Tests that set process environment variables run alone: other tests build hosts that read them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    public const string Name = "Process environment";
}
