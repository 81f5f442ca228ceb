using CrmBridge.Storage;

namespace CrmBridge.Tests.Storage;

public sealed class CompanyRepositoryTests : IDisposable
{
    private readonly CrmStore store = CrmStore.OpenInMemory();

    public void Dispose() => store.Dispose();

    [Theory]
    [InlineData("7707083893")]
    [InlineData("ИНН 7707-083-893")]
    [InlineData(" 7707 083 893 ")]
    public void ByInn_finds_cards_however_the_inn_was_typed(string query)
    {
        store.Companies.Upsert(
        [
            TestRecords.Company("1", inn: "ИНН: 7707083893"),
            TestRecords.Company("2", inn: "7707 083 893"),
            TestRecords.Company("3", inn: "7736050003"),
        ]);

        var found = store.Companies.ByInn(query);

        Assert.Equal(["1", "2"], found.Select(c => c.Ref.Id).Order());
    }

    [Fact]
    public void ByInn_finds_a_card_with_a_broken_inn_by_its_raw_text()
    {
        store.Companies.Upsert([TestRecords.Company("1", inn: "7707083894"), TestRecords.Company("2", inn: "7707083893")]);

        Assert.Equal("1", Assert.Single(store.Companies.ByInn(" 7707083894")).Ref.Id);
    }

    [Fact]
    public void ByInn_of_nothing_finds_nothing()
    {
        store.Companies.Upsert([TestRecords.Company("1", inn: null)]);

        Assert.Empty(store.Companies.ByInn(" "));
    }

    [Fact]
    public void MarkDeleted_keeps_the_card_but_takes_it_out_of_the_client_base()
    {
        store.Companies.Upsert([TestRecords.Company("1") with { IsDeleted = false }, TestRecords.Company("2") with { IsDeleted = false }]);

        var changed = store.Companies.MarkDeleted([TestRecords.Ref("1"), TestRecords.Ref("404")]);

        Assert.Equal(1, changed);
        Assert.Equal(2, store.Companies.Count());
        Assert.True(store.Companies.Find(TestRecords.Ref("1"))!.IsDeleted);
        Assert.Equal("2", Assert.Single(store.LoadClientBase().Companies).Ref.Id);
        Assert.Equal(0, store.Companies.MarkDeleted([TestRecords.Ref("1")]));
    }
}
