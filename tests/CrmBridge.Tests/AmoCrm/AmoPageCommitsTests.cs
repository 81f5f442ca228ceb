using CrmBridge.AmoCrm;
using CrmBridge.Core.Model;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoPageCommitsTests
{
    [Fact]
    public async Task Pages_that_come_while_one_commits_are_stored_together_in_the_next_transaction()
    {
        using var store = new ObservedCrmStore(new FakeTimeProvider(AmoCrmHarness.Start));
        var commits = new AmoPageCommits(store);
        Task? second = null;
        Task? third = null;

        // Two lists' pages arrive while the first page's transaction is still open.
        await commits.StoreAsync(() =>
        {
            store.Companies.Upsert([Company("1")]);
            second = commits.StoreAsync(() => store.Companies.Upsert([Company("2")]));
            third = commits.StoreAsync(() => store.Companies.Upsert([Company("3")]));
        });
        await Task.WhenAll(second!, third!);

        Assert.Equal(3, store.Companies.Count());
        Assert.Equal(2, store.Transactions);
    }

    [Fact]
    public async Task A_page_that_fails_keeps_nothing_of_the_pages_committed_with_it_and_they_all_hear_why()
    {
        using var store = new ObservedCrmStore(new FakeTimeProvider(AmoCrmHarness.Start));
        var commits = new AmoPageCommits(store);
        Task? good = null;
        Task? bad = null;

        await commits.StoreAsync(() =>
        {
            store.Companies.Upsert([Company("1")]);
            good = commits.StoreAsync(() => store.Companies.Upsert([Company("2")]));
            bad = commits.StoreAsync(() => throw new InvalidOperationException("the mapper broke"));
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => bad!);
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => good!));
        Assert.Equal(["1"], store.Companies.All().Select(c => c.Ref.Id));

        // The next page commits as usual.
        await commits.StoreAsync(() => store.Companies.Upsert([Company("2")]));
        Assert.Equal(2, store.Companies.Count());
    }

    private static Company Company(string id) => new()
    {
        Ref = new CrmRef(CrmKind.AmoCrm, "example.amocrm.ru", id),
        Title = $"ООО {id}",
        CreatedAt = AmoCrmHarness.Start,
        ModifiedAt = AmoCrmHarness.Start,
    };
}
