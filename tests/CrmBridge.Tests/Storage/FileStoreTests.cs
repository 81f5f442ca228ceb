using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

public sealed class FileStoreTests : IDisposable
{
    private readonly TempDatabase file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public void A_reopened_file_keeps_records_values_and_outbox_entries()
    {
        using (var store = CrmStore.Open(file.Path))
        {
            store.Companies.Upsert([TestRecords.Company("1")]);
            store.Values.Set("k", "v");
            store.Outbox.Enqueue(new PlannedAction(ActionKinds.CrmComment, "comment-1", new CompanyCommentPayload(TestRecords.Ref("1"), "Текст"), "comment"));
        }

        using var reopened = CrmStore.Open(file.Path);

        RecordAssert.SameFields(TestRecords.Company("1"), reopened.Companies.Find(TestRecords.Ref("1")));
        Assert.Equal("v", reopened.Values.Get("k"));
        Assert.Equal(OutboxState.Pending, reopened.Outbox.Find("comment-1")!.State);
    }

    [Fact]
    public void Open_creates_the_missing_folder_and_the_file()
    {
        using (CrmStore.Open(file.Path))
        {
        }

        Assert.True(File.Exists(file.Path));
    }

    [Fact]
    public void A_file_in_use_is_refused_with_a_message_naming_the_setting()
    {
        using var first = CrmStore.Open(file.Path);

        var error = Assert.Throws<InvalidOperationException>(() => CrmStore.Open(file.Path));

        Assert.Equal($"Storage:Path: the database file '{Path.GetFullPath(file.Path)}' is in use by another CrmBridge process; stop it or point Storage:Path elsewhere", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_message_naming_the_setting()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        File.WriteAllText(file.Path, new string('x', 16384));

        var error = Assert.Throws<InvalidOperationException>(() => CrmStore.Open(file.Path));

        Assert.StartsWith("Storage:Path: cannot open the database file", error.Message, StringComparison.Ordinal);
    }
}
