using CrmBridge.Core.Model;
using CrmBridge.Enrichment;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Enrichment;

public sealed class EnrichmentReviewTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private readonly CrmStore _store = CrmStore.OpenInMemory(new FakeTimeProvider(Now));

    private static Company Card(string inn, string? kpp = null, string? ogrn = null) => new()
    {
        Ref = new CrmRef(CrmKind.Bitrix24, "portal.bitrix24.ru", "10"),
        Title = "ООО ПР",
        Inn = inn,
        Kpp = kpp,
        Ogrn = ogrn,
        OwnerId = "7",
        CreatedAt = Now.AddYears(-1),
        ModifiedAt = Now,
    };

    private EnrichmentReviewResult Review(EnrichmentOptions options, Company card) =>
        new EnrichmentReview(_store.Enrichment, Options.Create(options)).Review([card], Now, TimeZoneInfo.Utc);

    private void Cache(RegistryStatus status = RegistryStatus.Active) =>
        _store.Enrichment.Put("7805746764", new CompanyProfile
        {
            Inn = "7805746764",
            Kpp = "780501001",
            Ogrn = "1197847066020",
            Source = "dadata",
            Status = status,
            Headcount = 37,
        }, Now);

    [Fact]
    public void Empty_KPP_and_OGRN_are_queued_for_write_back_only_when_opted_in()
    {
        Cache();

        var off = Review(new EnrichmentOptions(), Card("7805746764"));
        var on = Review(new EnrichmentOptions { WriteBackEmptyFields = true }, Card("7805746764"));

        Assert.Empty(off.Actions);
        var action = Assert.Single(on.Actions);
        Assert.Equal(ActionKinds.CrmFillEmptyFields, action.Kind);
        var payload = Assert.IsType<CompanyFieldsPayload>(action.Payload);
        Assert.Equal("780501001", payload.Fields["KPP"]);
        Assert.Equal("1197847066020", payload.Fields["OGRN"]);
    }

    [Fact]
    public void Filled_fields_are_never_overwritten()
    {
        Cache();

        Assert.Empty(Review(new EnrichmentOptions { WriteBackEmptyFields = true }, Card("7805746764", "772501001", "1197847066020")).Actions);
    }

    [Fact]
    public void A_liquidated_registry_status_quarantines_the_card()
    {
        Cache(RegistryStatus.Liquidated);

        var finding = Assert.Single(Review(new EnrichmentOptions(), Card("7805746764")).Findings);

        Assert.Equal(RuleNames.Liquidated, finding.Rule);
    }

    [Fact]
    public void The_category_follows_the_configured_criteria()
    {
        Cache();
        var options = new EnrichmentOptions { CategoryCriteria = new CategoryCriteriaOptions { MinHeadcount = 50 } };

        var (_, decision) = Assert.Single(Review(options, Card("7805746764")).Categories);

        Assert.Equal(CompanyCategory.B, decision.Category);
    }

    [Fact]
    public void A_stored_decision_is_kept_while_the_registry_data_holds_and_made_again_when_it_changes()
    {
        // 37 people < 50: B, decided now and stored on the card by the caller.
        Cache();
        var options = new EnrichmentOptions { CategoryCriteria = new CategoryCriteriaOptions { MinHeadcount = 50 } };
        var (_, first) = Assert.Single(Review(options, Card("7805746764")).Categories);
        var stored = Card("7805746764") with { CategoryDecision = first };

        var unchanged = Review(options, stored).Categories;
        // The registry now says 120 people ≥ 50: A, decided again, first A now.
        _store.Enrichment.Put("7805746764", new CompanyProfile { Inn = "7805746764", Source = "dadata", Status = RegistryStatus.Active, Headcount = 120 }, Now);
        var (_, grown) = Assert.Single(Review(options, stored).Categories);

        Assert.Equal((CompanyCategory.B, Now), (first.Category, first.DecidedAt));
        Assert.Empty(unchanged);
        Assert.Equal((CompanyCategory.A, (DateTimeOffset?)Now), (grown.Category, grown.FirstAAt));
        Assert.Contains("headcount 120 >= 50", grown.Reasons);
    }

    public void Dispose() => _store.Dispose();
}
