namespace CrmBridge.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "data/crmbridge.db";

    /// <summary>
    /// Encrypts the file with LiteDB's own encryption (AES). A secret: environment only (CRMBRIDGE_Storage__Password);
    /// empty = not encrypted. A file keeps the choice it was created with.
    /// </summary>
    public string? Password { get; set; }
}
