using System.Text.Json;
using CrmBridge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Hosting.Status;

/// <summary>
/// The status read live from the Store, or from the snapshot file (Storage:Path + ".status.json", owner-only) the
/// worker writes after every tick: only one process may hold the LiteDB file, and the HEALTHCHECK runs beside it.
/// </summary>
internal sealed class StatusSnapshot(IServiceProvider services, IOptions<StorageOptions> storage)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private string? FilePath => storage.Value.Path == CrmStore.InMemoryPath ? null : Path.GetFullPath(storage.Value.Path) + ".status.json";

    /// <summary>The live report, or null when another process holds the store.</summary>
    public StatusReport? TryReadLive()
    {
        try
        {
            return services.GetRequiredService<StatusReader>().Read();
        }
        catch (InvalidOperationException ex) when (IsLocked(ex))
        {
            return null;
        }
    }

    private static bool IsLocked(Exception? ex) =>
        ex is not null && (ex.Message.Contains("in use by another CrmBridge process", StringComparison.Ordinal) || IsLocked(ex.InnerException));

    /// <summary>The worker's last snapshot, judged again now; an unhealthy report when there is none.</summary>
    public StatusReport ReadSaved()
    {
        var health = services.GetRequiredService<StatusHealth>();
        var saved = FilePath is { } path && File.Exists(path) ? JsonSerializer.Deserialize<StatusReport>(File.ReadAllText(path), Json) : null;
        return health.Reevaluate(saved ?? new StatusReport(default, [], false, "", [], [], 0, [], null, 0));
    }

    /// <summary>Writes the live report for `crmbridge status` to read while this process holds the store.</summary>
    public void Save()
    {
        if (FilePath is not { } path || TryReadLive() is not { } report)
        {
            return;
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = StateFile.OwnerOnlyFile;
        }

        using (var file = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(file, report with { Lines = [] }, Json);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
