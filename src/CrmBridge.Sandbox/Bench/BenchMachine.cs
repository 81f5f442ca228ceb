using System.Globalization;
using System.Runtime.InteropServices;

namespace CrmBridge.Sandbox.Bench;

internal sealed record BenchMachine(int Processors, string Os, string Runtime, string Note)
{
    public static BenchMachine Current(string note) =>
        new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, note);

    /// <summary>The 1-minute load average (Linux), to tell a starved run from a slow one; null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
