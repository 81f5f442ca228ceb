namespace CrmBridge.Storage;

/// <summary>
/// The state file holds the client base and the amoCRM tokens: on Unix it is created for its owner only (0600) in a
/// folder only the owner can enter (0700), and so are its log and lock files.
/// </summary>
internal static class StateFile
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (0700) and an empty file (0600) before LiteDB does, so there is no window with wider rights.</summary>
    public static void Prepare(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath);
        if (OperatingSystem.IsWindows())
        {
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            return;
        }

        if (folder is not null && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        foreach (var file in Companions(fullPath).Prepend(fullPath))
        {
            if (!File.Exists(file))
            {
                using var created = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
            }
        }
    }

    /// <summary>Narrows a file created by an older version (or copied in) to its owner.</summary>
    public static void Restrict(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in Companions(fullPath).Prepend(fullPath).Where(File.Exists))
        {
            File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }

    /// <summary>LiteDB's log file (NAME-log.EXT) and our lock file.</summary>
    private static IEnumerable<string> Companions(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath) ?? "";
        yield return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(fullPath)}-log{Path.GetExtension(fullPath)}");
        yield return fullPath + ".lock";
    }
}
