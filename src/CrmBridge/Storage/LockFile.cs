namespace CrmBridge.Storage;

/// <summary>
/// An exclusive lock on a side file, held while the store is open. FileShare.None takes an OS lock (flock on Linux),
/// so a second process (or a second open in this one) is refused instead of corrupting the database.
/// </summary>
internal static class LockFile
{
    public static IDisposable Acquire(string lockPath, string databasePath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Storage:Path: the database file '{databasePath}' is in use by another CrmBridge process; stop it or point Storage:Path elsewhere", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidOperationException($"Storage:Path: no permission to write next to '{databasePath}' ({ex.Message})", ex);
        }
    }
}
