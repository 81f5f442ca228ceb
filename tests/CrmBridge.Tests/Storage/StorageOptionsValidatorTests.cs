using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator validator = new();

    [Theory]
    [InlineData("data/crmbridge.db")]
    [InlineData("/var/lib/crmbridge/crmbridge.db")]
    [InlineData(":memory:")]
    public void A_file_path_is_accepted(string path)
    {
        Assert.True(validator.Validate(null, new StorageOptions { Path = path }).Succeeded);
    }

    [Theory]
    [InlineData("", "Storage:Path: is empty; give the LiteDB file, e.g. data/crmbridge.db")]
    [InlineData("data/", "Storage:Path: 'data/' is a folder; give a file path, e.g. data/crmbridge.db")]
    public void A_bad_path_fails_with_one_line_naming_the_key(string path, string message)
    {
        var result = validator.Validate(null, new StorageOptions { Path = path });

        Assert.True(result.Failed);
        Assert.Equal(message, result.FailureMessage);
    }

    [Fact]
    public void An_existing_folder_is_not_a_database_file()
    {
        var folder = Path.GetTempPath();

        var result = validator.Validate(null, new StorageOptions { Path = folder });

        Assert.StartsWith("Storage:Path: ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("is a folder", result.FailureMessage, StringComparison.Ordinal);
    }
}
