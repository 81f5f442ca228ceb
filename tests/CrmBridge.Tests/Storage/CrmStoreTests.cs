using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

public sealed class CrmStoreTests : IDisposable
{
    private readonly CrmStore store = CrmStore.OpenInMemory();

    public void Dispose() => store.Dispose();

    [Fact]
    public void LoadClientBase_returns_live_records_and_all_history()
    {
        store.Companies.Upsert([TestRecords.Company("1") with { IsDeleted = false }, TestRecords.Company("2")]);
        store.Persons.Upsert([TestRecords.Person("1") with { IsDeleted = false }, TestRecords.Person("2")]);
        store.Deals.Upsert([TestRecords.Deal("1") with { IsDeleted = false }, TestRecords.Deal("2")]);
        store.Activities.Upsert([TestRecords.Activity("1") with { IsDeleted = false }, TestRecords.Activity("2")]);
        store.Managers.Upsert([TestRecords.Manager("1"), TestRecords.Manager("2")]);
        store.Pipelines.Upsert([TestRecords.Pipeline("0")]);
        store.StageChanges.Upsert([TestRecords.StageChange("1"), TestRecords.StageChange("2")]);
        store.OwnerChanges.Upsert([TestRecords.OwnerChange("1")]);

        var clients = store.LoadClientBase();

        Assert.Equal("1", Assert.Single(clients.Companies).Ref.Id);
        Assert.Equal("1", Assert.Single(clients.Persons).Ref.Id);
        Assert.Equal("1", Assert.Single(clients.Deals).Ref.Id);
        Assert.Equal("1", Assert.Single(clients.Activities).Ref.Id);
        Assert.Equal(2, clients.Managers.Count);
        Assert.Single(clients.Pipelines);
        Assert.Equal(2, clients.StageChanges.Count);
        Assert.Single(clients.OwnerChanges);
    }

    [Fact]
    public void A_checkpoint_is_kept_per_crm_account_and_entity()
    {
        var checkpoint = new SyncCheckpoint
        {
            Crm = CrmKind.Bitrix24,
            Account = TestRecords.Account,
            Entity = "company",
            ModifiedSince = TestRecords.Moscow,
            LastId = "2500",
            LastFullLoadAt = TestRecords.Moscow.AddDays(-1),
        };

        store.Checkpoints.Save(checkpoint);
        store.Checkpoints.Save(checkpoint with { Entity = "deal", LastId = null });

        Assert.Equal(checkpoint, store.Checkpoints.Get(CrmKind.Bitrix24, TestRecords.Account, "company"));
        Assert.Null(store.Checkpoints.Get(CrmKind.Bitrix24, TestRecords.Account, "deal")!.LastId);
        Assert.Null(store.Checkpoints.Get(CrmKind.AmoCrm, TestRecords.Account, "company"));
        Assert.Equal(TimeSpan.FromHours(3), store.Checkpoints.Get(CrmKind.Bitrix24, TestRecords.Account, "company")!.ModifiedSince!.Value.Offset);
    }

    [Fact]
    public void A_value_is_replaced_by_the_next_set()
    {
        store.Values.Set("amocrm.refresh_token", "first");
        store.Values.Set("amocrm.refresh_token", "second");

        Assert.Equal("second", store.Values.Get("amocrm.refresh_token"));
        Assert.Null(store.Values.Get("missing"));
    }

    [Fact]
    public void The_enrichment_cache_finds_a_profile_by_any_typing_of_the_inn_and_keeps_not_found_answers()
    {
        var profile = new CompanyProfile { Inn = "7707083893", FullName = "ПАО СБЕРБАНК", Revenue = 1.5e12m, RegisteredOn = new DateOnly(1991, 6, 20), Status = RegistryStatus.Active, Source = "dadata" };

        store.Enrichment.Put("7707083893", profile, TestRecords.Moscow);
        store.Enrichment.Put("7736050003", null, TestRecords.Moscow);

        var hit = store.Enrichment.Get("ИНН 7707-083-893");
        Assert.Equal(profile, hit!.Profile);
        Assert.Equal(TestRecords.Moscow, hit.FetchedAt);
        Assert.Equal(TimeSpan.FromHours(3), hit.FetchedAt.Offset);
        Assert.Null(store.Enrichment.Get("7736050003")!.Profile);
        Assert.Null(store.Enrichment.Get("500100732259"));
    }

    [Fact]
    public void The_audit_log_returns_recent_entries_newest_first_and_all_entries_of_an_action()
    {
        for (var i = 1; i <= 5; i++)
        {
            store.Audit.Append(new AuditEntry(TestRecords.Moscow.AddMinutes(i), $"key-{i % 2}", "crm.comment", $"outcome-{i}", i == 5 ? null : "detail"));
        }

        Assert.Equal(["outcome-5", "outcome-4"], store.Audit.Recent(2).Select(e => e.Outcome));
        Assert.Equal(["outcome-1", "outcome-3", "outcome-5"], store.Audit.ForAction("key-1").Select(e => e.Outcome));
        Assert.Null(store.Audit.Recent(1)[0].Detail);
    }
}
