using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Tests.Classification;

public class LiquidationRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));

    private static readonly Company Card = new()
    {
        Ref = new CrmRef(CrmKind.Bitrix24, "portal.bitrix24.ru", "5"),
        Title = "ООО Закрыто",
        Inn = "7707083893",
        OwnerId = "7",
        CreatedAt = Now.AddYears(-2),
        ModifiedAt = Now.AddYears(-1),
    };

    [Theory]
    [InlineData(RegistryStatus.Liquidated)]
    [InlineData(RegistryStatus.Bankrupt)]
    public void A_liquidated_or_bankrupt_company_becomes_a_quarantine_finding_on_each_card(RegistryStatus status)
    {
        var profile = new CompanyProfile { Inn = "7707083893", Source = "dadata", Status = status };

        var finding = Assert.Single(LiquidationRule.Evaluate([Card], profile, Now));

        Assert.Equal(RuleNames.Liquidated, finding.Rule);
        Assert.Equal(Card.Ref, finding.Subject);
        Assert.Equal("7", finding.OwnerId);
        Assert.Equal(status.ToString().ToUpperInvariant(), finding.Data["status"]);
    }

    [Theory]
    [InlineData(RegistryStatus.Active)]
    [InlineData(RegistryStatus.Liquidating)]
    [InlineData(RegistryStatus.Reorganizing)]
    [InlineData(RegistryStatus.Unknown)]
    public void A_company_still_in_business_is_no_finding(RegistryStatus status)
    {
        var profile = new CompanyProfile { Inn = "7707083893", Source = "dadata", Status = status };

        Assert.Empty(LiquidationRule.Evaluate([Card], profile, Now));
    }
}
