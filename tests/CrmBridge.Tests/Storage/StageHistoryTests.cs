using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

public sealed class StageHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(3));

    private readonly CrmStore store = CrmStore.OpenInMemory();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Every_field_of_every_move_reads_back_however_its_neighbours_differ()
    {
        store.Deals.Upsert([Deal("5")]);
        var amoDeal = TestRecords.Ref("900", CrmKind.AmoCrm, "example.amocrm.ru");
        List<StageChange> moves =
        [
            Move("101", "5", null, "C0:NEW", Start),
            Move("102", "5", "C0:NEW", "C0:PREPARATION", Start.AddHours(1)) with { ByUserId = "7" },

            // Left a stage the move before did not enter, and into another pipeline.
            Move("103", "5", "C0:EXECUTING", "C1:NEW", Start.AddHours(2)) with { PipelineId = "1" },
            Move("104", "5", null, "C1:WON", Start.AddHours(3)) with { PipelineId = "1" },

            // An id too long for a 32-bit number, and a moment with a fraction of a second in another offset.
            Move("98765432109", "5", "C1:WON", "C1:LOSE", TestRecords.Moscow.ToOffset(TimeSpan.FromHours(-5))) with { PipelineId = "1" },
            new StageChange
            {
                Ref = amoDeal.Sibling("event-01jd7x"),
                Deal = amoDeal,
                PipelineId = "7001",
                FromStageId = "142",
                ToStageId = "143",
                At = Start,
                ByUserId = "6001",
            },
        ];

        store.StageChanges.Upsert(moves);

        var stored = store.StageChanges.All();
        Assert.Equal(moves.Count, stored.Count);
        foreach (var move in moves)
        {
            RecordAssert.SameFields(move, Assert.Single(stored, s => s.Ref == move.Ref));
        }
    }

    [Fact]
    public void Moves_that_come_before_their_deal_wait_for_it_and_are_no_deal_meanwhile()
    {
        store.StageChanges.Upsert([Move("101", "5", null, "C0:NEW", Start), Move("102", "5", "C0:NEW", "C0:WON", Start.AddDays(1))]);

        Assert.Empty(store.Deals.All());
        Assert.Equal(0, store.Deals.Count());
        Assert.Null(store.Deals.Find(TestRecords.Ref("5")));
        Assert.Empty(store.LoadClientBase().Deals);

        Assert.Equal(1, store.Deals.Upsert([Deal("5")]));

        RecordAssert.SameFields(Deal("5"), store.Deals.Find(TestRecords.Ref("5")));
        Assert.Equal(1, store.Deals.Count());
        Assert.Equal(["101", "102"], store.StageChanges.All().Select(m => m.Ref.Id));
    }

    [Fact]
    public void A_deal_read_again_unchanged_keeps_its_moves_and_is_no_change()
    {
        store.Deals.Upsert([Deal("5")]);
        store.StageChanges.Upsert([Move("101", "5", null, "C0:NEW", Start)]);
        store.InTransaction(() => store.Changed.Clear(store.Changed.Keys()));

        Assert.Equal(0, store.Deals.Upsert([Deal("5")]));
        Assert.Equal(1, store.Deals.Upsert([Deal("5") with { Amount = 10m }]));

        Assert.Equal("101", Assert.Single(store.StageChanges.All()).Ref.Id);
        Assert.Equal(10m, store.Deals.Find(TestRecords.Ref("5"))!.Amount);
    }

    [Fact]
    public void A_move_read_again_is_no_change_and_a_new_one_marks_the_deals_company()
    {
        store.Deals.Upsert([Deal("5")]);
        store.StageChanges.Upsert([Move("101", "5", null, "C0:NEW", Start)]);
        store.InTransaction(() => store.Changed.Clear(store.Changed.Keys()));

        Assert.Equal(0, store.StageChanges.Upsert([Move("101", "5", null, "C0:NEW", Start)]));
        Assert.Empty(store.Changed.Keys());

        Assert.Equal(1, store.StageChanges.Upsert([Move("101", "5", null, "C0:NEW", Start), Move("102", "5", "C0:NEW", "C0:WON", Start.AddDays(1))]));
        Assert.Equal([store.Accounts.Key(TestRecords.Ref("1"))], store.Changed.Keys());
        Assert.Equal(["101", "102"], store.StageChanges.All().Select(m => m.Ref.Id));
    }

    [Fact]
    public void A_move_stored_again_with_other_fields_replaces_the_stored_one()
    {
        store.StageChanges.Upsert([Move("101", "5", null, "C0:NEW", Start)]);

        Assert.Equal(1, store.StageChanges.Upsert([Move("101", "5", null, "C0:WON", Start)]));

        Assert.Equal("C0:WON", Assert.Single(store.StageChanges.All()).ToStageId);
    }

    [Fact]
    public void The_changed_companies_get_the_same_moves_per_deal_as_a_full_load_in_the_same_order()
    {
        store.Companies.Upsert([TestRecords.Company("1") with { IsDeleted = false }, TestRecords.Company("2", inn: "5408130693") with { IsDeleted = false }]);
        store.Deals.Upsert([Deal("5"), Deal("6") with { Company = TestRecords.Ref("2") }, Deal("7") with { IsDeleted = true, Company = TestRecords.Ref("1") }]);

        // Three moves at one moment: the rules take them in stored-key order ("3:10" before "3:9"), as before.
        store.StageChanges.Upsert(
        [
            Move("9", "5", null, "C0:NEW", Start),
            Move("10", "5", null, "C0:NEW", Start),
            Move("11", "5", "C0:NEW", "C0:WON", Start.AddDays(1)),
            Move("8", "5", null, "C0:PREPARATION", Start),
            Move("20", "6", null, "C0:NEW", Start),
            Move("30", "7", null, "C0:NEW", Start),
        ]);

        var full = store.LoadClientBase();
        var part = store.LoadClientBase([store.Accounts.Key(TestRecords.Ref("1"))]);

        // A deleted deal's history still counts (as it did when moves were documents of their own).
        Assert.Equal(["10", "8", "9", "11", "30"], part.StageChanges.Select(m => m.Ref.Id));
        Assert.Equal(["10", "8", "9", "11"], full.StageChanges.Where(m => m.Deal.Id == "5").Select(m => m.Ref.Id));
        Assert.Equal(["5", "6", "7"], full.StageChanges.Select(m => m.Deal.Id).Distinct());
        Assert.Equal(["10", "8", "9", "11"], store.StageChangesOf([TestRecords.Ref("5")]).Select(m => m.Ref.Id));
    }

    private static Deal Deal(string id) => TestRecords.Deal(id) with { IsDeleted = false };

    private static StageChange Move(string id, string deal, string? from, string to, DateTimeOffset at) => new()
    {
        Ref = TestRecords.Ref(id),
        Deal = TestRecords.Ref(deal),
        PipelineId = "0",
        FromStageId = from,
        ToStageId = to,
        At = at,
    };
}
