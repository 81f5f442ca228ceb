namespace CrmBridge.Tests.Storage;

/// <summary>A database path in a fresh temp folder (which does not exist yet), deleted with everything in it.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crmbridge-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(folder, "data", "crmbridge.db");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
