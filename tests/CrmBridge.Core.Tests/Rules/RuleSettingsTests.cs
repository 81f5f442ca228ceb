using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class RuleSettingsTests
{
    [Theory]
    [InlineData("bitrix24:portal.bitrix24.ru:0")]
    [InlineData("bitrix24:0")]
    [InlineData("0")]
    public void A_pipeline_override_matches_by_full_reference_crm_and_id_or_bare_id(string key)
    {
        var settings = RuleSettings.Default with { Pipelines = new Dictionary<string, RuleOverrides> { [key] = new() { OwnershipTermDays = 60 } } };

        Assert.Equal(60, settings.For(ClientCategory.Unknown, SalesPipeline).OwnershipTermDays);
        Assert.Equal(30, settings.For(ClientCategory.Unknown, pipeline: null).OwnershipTermDays);
    }

    [Fact]
    public void The_pipeline_override_wins_over_the_category_override_and_untouched_values_stay()
    {
        var settings = RuleSettings.Default with
        {
            Categories = new Dictionary<ClientCategory, RuleOverrides> { [ClientCategory.A] = new() { CooldownDays = 7, SleepingDays = 90 } },
            Pipelines = new Dictionary<string, RuleOverrides> { ["0"] = new() { CooldownDays = 14, OwnershipMode = OwnershipMode.Release } },
        };

        var effective = settings.For(ClientCategory.A, SalesPipeline);

        Assert.Equal(14, effective.CooldownDays);
        Assert.Equal(90, effective.SleepingDays);
        Assert.Equal(OwnershipMode.Release, effective.OwnershipMode);
        Assert.Equal(14, effective.ConflictWindowDays);
    }
}
