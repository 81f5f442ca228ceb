namespace CrmBridge.Tests.Support;

/// <summary>
/// Storm tests drive one fake clock from several request chains at once (a fault advances it past the attempt timeout);
/// on a starved machine a chain that is merely slow can be overtaken by a jump meant for another. They run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DrivenClockTests
{
    public const string Name = "Driven clock";
}
