using System.Runtime.InteropServices;

namespace CrmBridge.Bench;

internal sealed record BenchMachine(int Processors, string Os, string Runtime, string Note)
{
    public static BenchMachine Current(string note) =>
        new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, note);
}
