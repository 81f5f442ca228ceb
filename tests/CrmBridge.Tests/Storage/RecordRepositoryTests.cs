using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

public sealed class RecordRepositoryTests : IDisposable
{
    private readonly CrmStore store = CrmStore.OpenInMemory();

    public void Dispose() => store.Dispose();

    [Fact]
    public void A_record_upserted_twice_is_stored_once()
    {
        var company = TestRecords.Company("1");

        Assert.Equal(1, store.Companies.Upsert([company]));
        Assert.Equal(0, store.Companies.Upsert([company]));

        Assert.Equal(1, store.Companies.Count());
    }

    [Fact]
    public void Upsert_counts_only_new_and_changed_records()
    {
        store.Companies.Upsert([TestRecords.Company("1"), TestRecords.Company("2"), TestRecords.Company("3")]);

        var changed = store.Companies.Upsert(
            [TestRecords.Company("1"), TestRecords.Company("2", owner: "9"), TestRecords.Company("4")]);

        Assert.Equal(2, changed);
        Assert.Equal(4, store.Companies.Count());
        Assert.Equal("9", store.Companies.Find(TestRecords.Ref("2"))!.OwnerId);
    }

    [Fact]
    public void A_page_with_some_records_unchanged_marks_only_the_companies_of_the_changed_ones()
    {
        store.Companies.Upsert([TestRecords.Company("1"), TestRecords.Company("2"), TestRecords.Company("3")]);
        store.Changed.Clear(store.Changed.Keys());

        var changed = store.Companies.Upsert([TestRecords.Company("1"), TestRecords.Company("2", title: "ПАО Сбербанк России"), TestRecords.Company("3"), TestRecords.Company("4")]);

        Assert.Equal(2, changed);
        Assert.Equal([store.Accounts.Key(TestRecords.Ref("2")), store.Accounts.Key(TestRecords.Ref("4"))], store.Changed.Keys().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Records_inserted_as_new_are_stored_and_mark_their_companies()
    {
        Assert.False(store.Companies.HoldsAny(CrmKind.Bitrix24, TestRecords.Account));

        Assert.Equal(2, store.Companies.Insert([TestRecords.Company("1"), TestRecords.Company("2")]));

        Assert.True(store.Companies.HoldsAny(CrmKind.Bitrix24, TestRecords.Account));
        Assert.False(store.Companies.HoldsAny(CrmKind.AmoCrm, TestRecords.Account));
        Assert.Equal("ПАО Сбербанк", store.Companies.Find(TestRecords.Ref("1"))!.Title);
        Assert.Equal([store.Accounts.Key(TestRecords.Ref("1")), store.Accounts.Key(TestRecords.Ref("2"))], store.Changed.Keys().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_batch_inserted_as_new_that_holds_a_stored_record_is_refused_whole()
    {
        store.Companies.Upsert([TestRecords.Company("2", owner: "7")]);

        Assert.Throws<AlreadyStoredException>(() => store.Companies.Insert([TestRecords.Company("1"), TestRecords.Company("2", owner: "9"), TestRecords.Company("3")]));

        Assert.Equal(1, store.Companies.Count());
        Assert.Equal("7", store.Companies.Find(TestRecords.Ref("2"))!.OwnerId);
    }

    [Fact]
    public void Revise_hands_over_the_stored_records_and_stores_only_what_it_changed()
    {
        store.Companies.Upsert([TestRecords.Company("1"), TestRecords.Company("2")]);
        IReadOnlyDictionary<CrmRef, Company>? seen = null;

        var changed = store.Companies.Revise([TestRecords.Ref("1"), TestRecords.Ref("2"), TestRecords.Ref("3")], stored =>
        {
            seen = stored;
            return [stored[TestRecords.Ref("1")], stored[TestRecords.Ref("2")] with { OwnerId = "9" }, TestRecords.Company("3")];
        });

        Assert.Equal([TestRecords.Ref("1"), TestRecords.Ref("2")], seen!.Keys.OrderBy(r => r.Id, StringComparer.Ordinal));
        Assert.Equal(2, changed);
        Assert.Equal("9", store.Companies.Find(TestRecords.Ref("2"))!.OwnerId);
        Assert.Equal(3, store.Companies.Count());
    }

    [Fact]
    public void A_title_changed_only_in_letter_case_is_a_change()
    {
        store.Companies.Upsert([TestRecords.Company("1", title: "ООО Ромашка")]);

        Assert.Equal(1, store.Companies.Upsert([TestRecords.Company("1", title: "ООО РОМАШКА")]));
        Assert.Equal("ООО РОМАШКА", store.Companies.Find(TestRecords.Ref("1"))!.Title);
    }

    [Fact]
    public void A_user_read_again_with_nothing_but_its_read_time_different_is_no_change()
    {
        store.Managers.Upsert([TestRecords.Manager("1")]);

        Assert.Equal(0, store.Managers.Upsert([TestRecords.Manager("1") with { ModifiedAt = TestRecords.Moscow.AddMinutes(15) }]));
        Assert.Equal(1, store.Managers.Upsert([TestRecords.Manager("1") with { Name = "Петрова Анна Сергеевна" }]));
    }

    [Fact]
    public void A_batch_larger_than_one_lookup_query_finds_every_stored_copy()
    {
        var companies = Enumerable.Range(1, 130).Select(i => TestRecords.Company(i.ToString(CultureInfo.InvariantCulture))).ToList();
        store.Companies.Upsert(companies);

        var again = companies.Select(c => c.Ref.Id is "7" or "77" or "127" ? c with { OwnerId = "9" } : c).Append(TestRecords.Company("131"));

        Assert.Equal(4, store.Companies.Upsert(again));
        Assert.Equal(131, store.Companies.Count());
        Assert.Equal("9", store.Companies.Find(TestRecords.Ref("127"))!.OwnerId);
    }

    [Fact]
    public void The_last_copy_of_a_reference_in_one_batch_wins()
    {
        var changed = store.Companies.Upsert([TestRecords.Company("1", title: "Old"), TestRecords.Company("1", title: "New")]);

        Assert.Equal(1, changed);
        Assert.Equal("New", Assert.Single(store.Companies.All()).Title);
    }

    [Fact]
    public void The_same_id_in_another_crm_or_account_is_another_record()
    {
        var bitrix = TestRecords.Manager("7");
        var otherPortal = bitrix with { Ref = TestRecords.Ref("7", account: "other.bitrix24.ru") };
        var amo = bitrix with { Ref = TestRecords.Ref("7", CrmKind.AmoCrm, "example.amocrm.ru") };

        Assert.Equal(3, store.Managers.Upsert([bitrix, otherPortal, amo]));
    }

    [Fact]
    public void ByAccount_returns_the_records_of_that_account_only()
    {
        var sandbox = TestRecords.Deal("1") with { Ref = TestRecords.Ref("1", account: "127.0.0.1:5081") };
        store.Deals.Upsert([TestRecords.Deal("1"), TestRecords.Deal("2"), sandbox]);

        var found = store.Deals.ByAccount(CrmKind.Bitrix24, "127.0.0.1:5081");

        Assert.Equal(sandbox.Ref, Assert.Single(found).Ref);
        Assert.Equal(2, store.Deals.ByAccount(CrmKind.Bitrix24, TestRecords.Account).Count);
        Assert.Empty(store.Deals.ByAccount(CrmKind.AmoCrm, TestRecords.Account));
    }

    [Fact]
    public void Find_of_an_unknown_reference_is_null()
    {
        Assert.Null(store.Persons.Find(TestRecords.Ref("404")));
    }

    [Fact]
    public void Company_round_trips_field_by_field() => RoundTrip(store.Companies, TestRecords.Company("1"));

    [Fact]
    public void Person_round_trips_field_by_field() => RoundTrip(store.Persons, TestRecords.Person("1"));

    [Fact]
    public void Deal_round_trips_field_by_field() => RoundTrip(store.Deals, TestRecords.Deal("1"));

    [Fact]
    public void Activity_round_trips_field_by_field() => RoundTrip(store.Activities, TestRecords.Activity("1"));

    [Fact]
    public void Manager_round_trips_field_by_field() => RoundTrip(store.Managers, TestRecords.Manager("1"));

    [Fact]
    public void Pipeline_round_trips_field_by_field() => RoundTrip(store.Pipelines, TestRecords.Pipeline("1"));

    [Fact]
    public void StageChange_round_trips_field_by_field() => RoundTrip(store.StageChanges, TestRecords.StageChange("1"));

    [Fact]
    public void OwnerChange_round_trips_field_by_field() => RoundTrip(store.OwnerChanges, TestRecords.OwnerChange("1"));

    [Fact]
    public void A_company_without_optional_fields_round_trips_with_nulls_and_empty_lists()
    {
        var bare = new Company { Ref = TestRecords.Ref("1"), Title = "ИП Иванов", CreatedAt = TestRecords.Moscow, ModifiedAt = TestRecords.Moscow };

        store.Companies.Upsert([bare]);

        RecordAssert.SameFields(bare, store.Companies.Find(bare.Ref));
    }

    private static void RoundTrip<T>(IRecordRepository<T> repository, T record)
        where T : class, IRecord
    {
        RecordAssert.EveryFieldSet(record);

        repository.Upsert([record]);

        RecordAssert.SameFields(record, repository.Find(record.Ref));
        RecordAssert.SameFields(record, Assert.Single(repository.All()));
    }
}
