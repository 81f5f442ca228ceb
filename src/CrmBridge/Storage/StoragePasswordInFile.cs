using Microsoft.Extensions.Options;

namespace CrmBridge.Storage;

/// <summary>Storage:Password found in a settings file: refused at start, since the file would hold the key to the data.</summary>
internal sealed class StoragePasswordInFile(string file) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        ValidateOptionsResult.Fail(
            $"Storage:Password: is set in {Path.GetFileName(file)}; give it only through the environment (CRMBRIDGE_Storage__Password)");
}
