using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

/// <summary>
/// Two CRMs store their pages side by side, each page in its own transaction: neither may wait on the other until
/// LiteDB's lock timeout, and a page that rolls back must not make the store forget an account number another page
/// took (its records would become unreadable).
/// </summary>
public sealed class AccountCodeConcurrencyTests : IDisposable
{
    private readonly CrmStore _store = CrmStore.OpenInMemory();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Two_CRMs_storing_pages_side_by_side_in_crossing_collection_orders_both_finish_with_every_record()
    {
        const int Pages = 40;
        var bitrix = Task.Factory.StartNew(() => StorePages(CrmKind.Bitrix24, "firm.bitrix24.ru", Pages, companiesFirst: true), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var amo = Task.Factory.StartNew(() => StorePages(CrmKind.AmoCrm, "firm.amocrm.ru", Pages, companiesFirst: false), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await Task.WhenAll(bitrix, amo).WaitAsync(TimeSpan.FromSeconds(50));

        var managers = _store.Managers.All();
        Assert.Equal(Pages, managers.Count(m => m.Ref.Crm == CrmKind.Bitrix24));
        Assert.Equal(Pages, managers.Count(m => m.Ref.Crm == CrmKind.AmoCrm));
        Assert.All(Enumerable.Range(0, Pages), page =>
        {
            Assert.NotNull(_store.Checkpoints.Get(CrmKind.Bitrix24, "firm.bitrix24.ru", $"page{page}"));
            Assert.NotNull(_store.Checkpoints.Get(CrmKind.AmoCrm, "firm.amocrm.ru", $"page{page}"));
        });
    }

    [Fact]
    public void A_rolled_back_page_does_not_lose_the_account_number_another_page_took()
    {
        _store.Managers.Upsert([TestRecords.Manager("1")]);
        var amoUser = TestRecords.Manager("8100001") with { Ref = new CrmRef(CrmKind.AmoCrm, "firm.amocrm.ru", "8100001") };
        _store.InTransaction(() => _store.Managers.Upsert([amoUser]));

        Assert.Throws<InvalidOperationException>(() => _store.InTransaction(() =>
        {
            _store.Managers.Upsert([TestRecords.Manager("2") with { Ref = new CrmRef(CrmKind.AmoCrm, "other.amocrm.ru", "2") }]);
            throw new InvalidOperationException("the page failed");
        }));

        var managers = _store.Managers.All();
        Assert.Equal(["1", "8100001"], managers.Select(m => m.Ref.Id).Order(StringComparer.Ordinal));
        Assert.Contains(managers, m => m.Ref == amoUser.Ref);
    }

    private void StorePages(CrmKind crm, string account, int pages, bool companiesFirst)
    {
        for (var page = 0; page < pages; page++)
        {
            var manager = TestRecords.Manager($"{page}") with { Ref = new CrmRef(crm, account, $"{page}") };
            var checkpoint = new SyncCheckpoint { Crm = crm, Account = account, Entity = $"page{page}", ModifiedSince = TestRecords.Moscow };
            _store.InTransaction(() =>
            {
                if (companiesFirst)
                {
                    _store.Managers.Upsert([manager]);
                    _store.Checkpoints.Save(checkpoint);
                }
                else
                {
                    _store.Checkpoints.Save(checkpoint);
                    _store.Managers.Upsert([manager]);
                }
            });
        }
    }
}
