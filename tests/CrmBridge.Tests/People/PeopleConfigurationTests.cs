using CrmBridge.Core.People;
using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.People;

public class PeopleConfigurationTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"))
        .AddInMemoryCollection(settings)
        .Build();

    private static PeopleOptions Load(Dictionary<string, string?> settings)
    {
        using var provider = new ServiceCollection().AddPeople(Configuration(settings)).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PeopleOptions>>().Value;
    }

    [Fact]
    public void One_section_names_the_pool_admins_technical_users_and_managers_by_e_mail_or_env_friendly_keys()
    {
        var people = new PeopleConfiguration(Configuration(new()
        {
            ["People:Pool:0"] = "pool@firm.ru",
            ["People:Technical:0"] = "bitrix24_42",
            ["People:Managers:anna@firm.ru:ChatId"] = "1001",
            ["People:Managers:anna@firm.ru:PlanSharePercent"] = "60",
            ["People:Managers:bitrix24_9:ChatId"] = "1002",
            ["People:Managers:petr:Email"] = "Petr@Firm.ru",
            ["People:Managers:petr:Users:0"] = "amocrm_8100009",
        }));

        Assert.Equal(["pool@firm.ru"], people.Settings.Pool);
        Assert.Equal(["bitrix24:42"], people.Settings.Technical);
        Assert.Equal([new ConfiguredChat("anna@firm.ru", 1001), new ConfiguredChat("bitrix24:9", 1002)], people.Chats);
        Assert.Equal(60, people.Plans["anna@firm.ru"].PlanSharePercent);
        Assert.Equal(["amocrm:8100009"], people.Settings.Links["petr@firm.ru"]);
    }

    [Fact]
    public void The_old_keys_still_work_for_one_release_as_aliases_of_the_People_section()
    {
        var people = new PeopleConfiguration(Configuration(new()
        {
            ["Rules:PoolUserIds:bitrix24"] = "1",
            ["Rules:AdminUserIds:amocrm:0"] = "5",
            ["Kpi:ExcludedManagers:0"] = "bitrix24.13",
            ["Telegram:ManagerChats:bitrix24.7"] = "2002",
            ["People:Managers:bitrix24_7:ChatId"] = "3003",
        }));

        Assert.Equal(["bitrix24:1"], people.Settings.Pool);
        Assert.Equal(["amocrm:5"], people.Settings.Admins);
        Assert.Equal(["bitrix24:13"], people.Settings.Technical);
        // The People entry comes first, so it wins over the old key for the same user.
        Assert.Equal([new ConfiguredChat("bitrix24:7", 3003), new ConfiguredChat("bitrix24:7", 2002)], people.Chats);
    }

    [Theory]
    [InlineData("People:Pool:0", "Свободная база", "People:Pool:0: 'Свободная база' is neither an e-mail nor a CRM user")]
    [InlineData("People:Managers:anna:ChatId", "5", "People:Managers:anna: names nobody")]
    [InlineData("People:Managers:anna@firm.ru:ChatId", "0", "People:Managers:anna@firm.ru:ChatId: is 0")]
    [InlineData("Rules:OwnershipMode", "Release", "People:Pool: Rules:OwnershipMode=Release needs the pool user of each CRM")]
    public void A_bad_people_setting_stops_start_up_with_one_line_naming_the_key(string key, string value, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Load(new() { [key] = value }));

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_mode_needs_a_pool_user_for_each_configured_CRM()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Load(new()
        {
            ["Rules:OwnershipMode"] = "Release",
            ["Bitrix24:WebhookUrl"] = "https://portal.bitrix24.ru/rest/1/secret/",
            ["AmoCrm:BaseUrl"] = "https://firm.amocrm.ru",
            ["People:Pool:0"] = "bitrix24:1",
        }));

        Assert.Equal("People:Pool: Rules:OwnershipMode=Release needs a pool user for amocrm too, e.g. \"amocrm:1\"", Assert.Single(ex.Failures));
    }

    [Fact]
    public void Release_mode_with_a_pool_user_per_CRM_starts()
    {
        var options = Load(new()
        {
            ["Rules:OwnershipMode"] = "Release",
            ["Bitrix24:WebhookUrl"] = "https://portal.bitrix24.ru/rest/1/secret/",
            ["People:Pool:0"] = "bitrix24:1",
        });

        Assert.Equal(["bitrix24:1"], options.Pool);
    }
}
