using Microsoft.Extensions.Options;

namespace CrmBridge.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            return ValidateOptionsResult.Fail("Storage:Path: is empty; give the LiteDB file, e.g. data/crmbridge.db");
        }

        if (path == CrmStore.InMemoryPath)
        {
            return ValidateOptionsResult.Success;
        }

        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"Storage:Path: '{path}' contains characters not allowed in a path");
        }

        if (Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            return ValidateOptionsResult.Fail($"Storage:Path: '{path}' is a folder; give a file path, e.g. data/crmbridge.db");
        }

        return ValidateOptionsResult.Success;
    }
}
