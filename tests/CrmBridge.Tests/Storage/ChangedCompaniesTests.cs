using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

public sealed class ChangedCompaniesTests : IDisposable
{
    private readonly CrmStore store = CrmStore.OpenInMemory();

    public void Dispose() => store.Dispose();

    [Fact]
    public void A_key_marked_in_several_batches_is_listed_once_and_cleared_from_all()
    {
        store.Changed.MarkKeys(["1:1", "1:2"]);
        store.Changed.MarkKeys(["1:2", "1:3"]);

        var marks = store.Changed.Keys();
        Assert.Equal(["1:1", "1:2", "1:3"], marks);

        store.Changed.Clear(["1:1", "1:2"]);

        Assert.Equal(["1:3"], store.Changed.Keys());
    }

    [Fact]
    public void A_mark_of_a_page_that_rolled_back_is_made_again_by_the_next_page()
    {
        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.Changed.MarkKeys(["1:1"]);
            throw new InvalidOperationException("the page failed");
        }));
        Assert.Empty(store.Changed.Keys());

        store.Changed.MarkKeys(["1:1"]);

        Assert.Equal(["1:1"], store.Changed.Keys());
    }

    [Fact]
    public void A_key_cleared_and_marked_again_is_marked()
    {
        store.Changed.MarkKeys(["1:1"]);
        store.Changed.Clear(store.Changed.Keys());

        store.Changed.MarkKeys(["1:1"]);

        Assert.Equal(["1:1"], store.Changed.Keys());
    }

    [Fact]
    public void Marks_made_after_the_tick_read_them_stay_when_it_clears_what_it_read()
    {
        store.Changed.MarkKeys(["1:1"]);
        var read = store.Changed.Keys();
        store.Changed.MarkKeys(["1:4"]);

        store.Changed.Clear(read);

        Assert.Equal(["1:4"], store.Changed.Keys());
        Assert.Equal(1, store.Changed.Count());
    }
}
