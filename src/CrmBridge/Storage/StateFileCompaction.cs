using LiteDB;
using LiteDB.Engine;

namespace CrmBridge.Storage;

/// <summary>
/// An upgrade that moves or drops much of an existing file's data frees pages LiteDB reuses only as the Store grows;
/// rebuilding once writes the live documents into a fresh file, so the upgrade's savings show on disk.
/// </summary>
internal static class StateFileCompaction
{
    /// <summary>Rebuilds the file in place, keeping its password and collation; returns the bytes saved.</summary>
    public static long Run(LiteDatabase database, string fullPath, string? password)
    {
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        var leftovers = $"{Path.GetFileNameWithoutExtension(fullPath)}*-backup*{Path.GetExtension(fullPath)}";
        var existing = Directory.GetFiles(folder, leftovers).ToHashSet(StringComparer.Ordinal);

        // LiteDatabase.Rebuild() without options writes the new file with no password at all: pass the current one.
        var saved = database.Rebuild(new RebuildOptions
        {
            Password = string.IsNullOrEmpty(password) ? null : password,
            Collation = new Collation(database.Pragma("COLLATION").AsString),
        });

        // The rebuild keeps the old file (and its log) as NAME-backup.EXT: its data is in the new file now, and keeping
        // it would keep the very space the upgrade freed.
        foreach (var backup in Directory.GetFiles(folder, leftovers).Where(file => !existing.Contains(file)))
        {
            File.Delete(backup);
        }

        StateFile.Restrict(fullPath);
        return saved;
    }
}
