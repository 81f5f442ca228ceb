using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

/// <summary>
/// Two CRMs store their first pages side by side, each page in its own transaction. A page that rolls back must not
/// make the store forget the account number the other CRM's page took meanwhile (its records would become unreadable).
/// </summary>
public sealed class AccountCodeConcurrencyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly CrmStore _store = CrmStore.OpenInMemory();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_rolled_back_page_does_not_lose_the_account_number_another_page_took_meanwhile()
    {
        _store.Managers.Upsert([TestRecords.Manager("1")]);
        using var numbered = new ManualResetEventSlim();
        using var rolledBack = new ManualResetEventSlim();
        var amoUser = TestRecords.Manager("8100001") with { Ref = new CrmRef(CrmKind.AmoCrm, "firm.amocrm.ru", "8100001") };

        var amoPage = Task.Factory.StartNew(
            () => _store.InTransaction(() =>
            {
                _store.Managers.Upsert([amoUser]);
                numbered.Set();
                Assert.True(rolledBack.Wait(Patience), "the other page did not roll back");
            }),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Assert.True(numbered.Wait(Patience), "the amoCRM page did not number its account");
        Assert.Throws<InvalidOperationException>(() => _store.InTransaction(() =>
        {
            _store.Checkpoints.Save(new SyncCheckpoint { Crm = CrmKind.Bitrix24, Account = TestRecords.Account, Entity = "company", ModifiedSince = TestRecords.Moscow });
            throw new InvalidOperationException("the Bitrix24 page failed");
        }));
        rolledBack.Set();
        await amoPage;

        var managers = _store.Managers.All();

        Assert.Equal(["1", "8100001"], managers.Select(m => m.Ref.Id).Order(StringComparer.Ordinal));
        Assert.Contains(managers, m => m.Ref == amoUser.Ref);
    }
}
