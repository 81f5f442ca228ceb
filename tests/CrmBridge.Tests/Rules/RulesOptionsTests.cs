using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Core.Rules;
using CrmBridge.Rules;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Rules;

public class RulesOptionsTests
{
    private static RulesOptions Load(Dictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: false)
            .AddInMemoryCollection(overrides)
            .Build();
        using var provider = new ServiceCollection().AddRules(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RulesOptions>>().Value;
    }

    [Fact]
    public void The_shipped_configuration_gives_the_domain_defaults()
    {
        var settings = Load([]).ToRuleSettings(PeopleSettings.Empty);

        Assert.Equal(RuleSettings.Default with { Pipelines = settings.Pipelines, Categories = settings.Categories }, settings);
        Assert.Equal(30, settings.CooldownDays);
        Assert.Equal(OwnershipMode.Notify, settings.OwnershipMode);
        Assert.Empty(settings.Pipelines);
    }

    [Fact]
    public void Overrides_per_pipeline_and_category_pool_users_and_the_repeat_interval_bind_from_configuration()
    {
        var options = Load(new()
        {
            ["Rules:OwnershipMode"] = "Release",
            ["Rules:PoolUserIds:bitrix24"] = "1",
            ["Rules:AdminUserIds:bitrix24:0"] = "13",
            ["Rules:RepeatInterval"] = "1.00:00:00",
            ["Rules:Categories:A:CooldownDays"] = "7",
            ["Rules:Pipelines:tenders:PipelineId"] = "3",
            ["Rules:Pipelines:tenders:Crm"] = "bitrix24",
            ["Rules:Pipelines:tenders:OwnershipTermDays"] = "60",
        });

        var people = TestPeople.Configuration(("Rules:PoolUserIds:bitrix24", "1"), ("Rules:AdminUserIds:bitrix24:0", "13"));
        var settings = options.ToRuleSettings(people.Settings);
        var directory = new PeopleDirectory([], settings.People);

        Assert.Equal(TimeSpan.FromDays(1), options.RepeatInterval);
        Assert.Equal(OwnershipMode.Release, settings.OwnershipMode);
        Assert.Equal("1", directory.PoolUserId(CrmKind.Bitrix24));
        Assert.Equal(PersonRole.Admin, directory.RoleOf(new CrmRef(CrmKind.Bitrix24, "portal.bitrix24.ru", "13")));
        Assert.Equal(7, settings.Categories[ClientCategory.A].CooldownDays);
        var tenders = new Pipeline { Ref = new CrmRef(CrmKind.Bitrix24, "portal.bitrix24.ru", "3"), Name = "Тендеры", Stages = [], ModifiedAt = DateTimeOffset.UnixEpoch };
        Assert.Equal(60, settings.For(ClientCategory.B, tenders).OwnershipTermDays);
    }

    [Theory]
    [InlineData("Rules:CooldownDays", "-3", "Rules:CooldownDays: must be 0 or more, got -3")]
    [InlineData("Rules:OwnershipWarningDays", "40", "Rules:OwnershipWarningDays: must not exceed Rules:OwnershipTermDays (30), got 40")]
    [InlineData("Rules:RepeatInterval", "-01:00:00", "Rules:RepeatInterval: must be a positive time span")]
    [InlineData("Rules:PoolUserIds:megaplan", "1", "Rules:PoolUserIds:megaplan: is not a CRM name (bitrix24, amocrm)")]
    [InlineData("Rules:Categories:Z:CooldownDays", "7", "Rules:Categories:Z: is not a client category (A, B, C, D, E, Unknown)")]
    [InlineData("Rules:Categories:A:SleepingDays", "-1", "Rules:Categories:A:SleepingDays: must be 0 or more, got -1")]
    [InlineData("Rules:Pipelines:tenders:CooldownDays", "10", "Rules:Pipelines:tenders:PipelineId: is empty")]
    public void A_bad_rules_setting_is_refused_with_one_line_naming_the_key(string key, string value, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Load(new() { [key] = value }));

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }
}
