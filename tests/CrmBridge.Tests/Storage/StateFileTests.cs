using System.Text;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

/// <summary>The state file holds the client base and the amoCRM tokens: owner-only on disk, optionally encrypted.</summary>
public sealed class StateFileTests : IDisposable
{
    private const string Token = "def50200a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef";
    private const string CompanyName = "Sekretny Klient Nomer Odin LLC";
    private readonly TempDatabase file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public void A_fresh_state_file_and_its_folder_are_for_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }


        using (var store = CrmStore.Open(file.Path))
        {
            store.Values.Set("probe", "1");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file.Path)!));
        foreach (var companion in Directory.GetFiles(Path.GetDirectoryName(file.Path)!))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(companion));
        }
    }

    [Fact]
    public void A_file_left_readable_by_others_is_narrowed_when_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        using (CrmStore.Open(file.Path))
        {
        }

        File.SetUnixFileMode(file.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (CrmStore.Open(file.Path))
        {
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("correct horse battery staple", false)]
    public void With_a_password_the_bytes_on_disk_hold_neither_a_token_nor_a_company_name(string? password, bool plain)
    {
        using (var store = CrmStore.Open(file.Path, password: password))
        {
            store.Companies.Upsert([TestRecords.Company("1", title: CompanyName) with { IsDeleted = false }]);
            store.Values.SetSecret("amocrm.tokens", $$"""{"access":"{{Token}}"}""");
        }

        var bytes = Directory.GetFiles(Path.GetDirectoryName(file.Path)!).SelectMany(File.ReadAllBytes).ToArray();

        // Without a password both are there in plain bytes (the check can see them); with one, neither is.
        Assert.Equal(plain, Contains(bytes, Token));
        Assert.Equal(plain, Contains(bytes, CompanyName));
        using var reopened = CrmStore.Open(file.Path, password: password);
        Assert.Equal(CompanyName, reopened.Companies.Find(TestRecords.Ref("1"))!.Title);
    }

    [Fact]
    public void Rotating_a_token_leaves_no_old_copy_in_the_log_file()
    {
        using var store = CrmStore.Open(file.Path);
        for (var i = 0; i < 30; i++)
        {
            store.Values.SetSecret("amocrm.tokens", $"token-{i:D4}-{Token}");
        }

        var log = Path.Combine(Path.GetDirectoryName(file.Path)!, "crmbridge-log.db");
        var logBytes = File.Exists(log) ? File.ReadAllBytes(log) : [];
        Assert.False(Contains(logBytes, "token-0000-"), "the first token is still in the log file");
        Assert.False(Contains(File.ReadAllBytes(file.Path), "token-0000-"), "the first token is still in the data file");
    }

    [Fact]
    public void A_password_that_does_not_match_the_file_names_the_setting_and_never_the_password()
    {
        using (CrmStore.Open(file.Path, password: "first"))
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => CrmStore.Open(file.Path, password: "second-secret"));

        Assert.StartsWith("Storage:Password:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("second-secret", error.ToString(), StringComparison.Ordinal);
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
