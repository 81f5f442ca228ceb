using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Notifications;

public class ChatDirectoryTests
{
    private static ChatDirectory FromJson(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section));
        return new ChatDirectory(services.BuildServiceProvider().GetRequiredService<IOptions<TelegramOptions>>());
    }

    [Fact]
    public void Manager_chats_are_found_by_CRM_and_user_id_from_appsettings_keys()
    {
        var directory = FromJson("""{"Telegram":{"HeadChatIds":[100],"ManagerChats":{"bitrix24.7":107,"amocrm.7":207,"42":142}}}""");

        Assert.Equal(107, directory.ManagerChat(new CrmRef(CrmKind.Bitrix24, "b24.example.ru", "7")));
        Assert.Equal(207, directory.ManagerChat(new CrmRef(CrmKind.AmoCrm, "sales.amocrm.ru", "7")));
        Assert.Equal(142, directory.ManagerChat(new CrmRef(CrmKind.AmoCrm, "sales.amocrm.ru", "42")));
        Assert.Null(directory.ManagerChat(new CrmRef(CrmKind.Bitrix24, "b24.example.ru", "8")));
        Assert.Equal([100], directory.HeadChatIds);
    }

    [Fact]
    public void A_colon_key_set_in_code_means_the_same_user_and_wins_over_a_bare_id()
    {
        var directory = new ChatDirectory(Options.Create(new TelegramOptions { ManagerChats = new() { ["7"] = 1, ["bitrix24:7"] = 2 } }));

        Assert.Equal(2, directory.ManagerChat(new CrmRef(CrmKind.Bitrix24, "b24.example.ru", "7")));
        Assert.Equal(1, directory.ManagerChat(new CrmRef(CrmKind.AmoCrm, "x.amocrm.ru", "7")));
    }

    [Fact]
    public void The_allowlist_defaults_to_heads_and_managers_and_can_be_set_explicitly()
    {
        var implicitList = FromJson("""{"Telegram":{"HeadChatIds":[100],"ManagerChats":{"bitrix24.7":107}}}""");
        var explicitList = FromJson("""{"Telegram":{"HeadChatIds":[100],"AllowedChatIds":[100,300]}}""");

        Assert.Equal(new HashSet<long> { 100, 107 }, implicitList.AllowedChatIds);
        Assert.Equal(new HashSet<long> { 100, 300 }, explicitList.AllowedChatIds);
    }

    [Fact]
    public void A_manager_chat_knows_its_CRM_users()
    {
        var directory = FromJson("""{"Telegram":{"ManagerChats":{"bitrix24.7":107,"amocrm.123":107}}}""");

        Assert.Equal([new CrmUser(CrmKind.Bitrix24, "7"), new CrmUser(CrmKind.AmoCrm, "123")], directory.UsersOf(107).OrderBy(user => user.Crm));
        Assert.Empty(directory.UsersOf(100));
    }
}
