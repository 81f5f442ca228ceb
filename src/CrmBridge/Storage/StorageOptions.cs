namespace CrmBridge.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "data/crmbridge.db";
}
