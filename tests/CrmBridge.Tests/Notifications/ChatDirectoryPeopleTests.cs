using CrmBridge.Core.Model;
using CrmBridge.Notifications;
using CrmBridge.People;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Notifications;

public sealed class ChatDirectoryPeopleTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly CrmRef AnnaB24 = new(CrmKind.Bitrix24, "portal.bitrix24.ru", "7");
    private static readonly CrmRef AnnaAmo = new(CrmKind.AmoCrm, "firm.amocrm.ru", "8100003");

    private readonly CrmStore store = CrmStore.Open(CrmStore.InMemoryPath);

    public ChatDirectoryPeopleTests() => store.Managers.Upsert(
    [
        new Manager { Ref = AnnaB24, Name = "Анна Смирнова", Email = "anna@firm.ru", ModifiedAt = At },
        new Manager { Ref = AnnaAmo, Name = "Анна Смирнова", Email = "Anna@Firm.ru", ModifiedAt = At },
    ]);

    public void Dispose() => store.Dispose();

    private ChatDirectory Directory(PeopleConfiguration people) =>
        new(Options.Create(new TelegramOptions()), new PeopleDirectorySource(store, people), new ManagerLinkStore(store));

    [Fact]
    public void One_chat_keyed_by_e_mail_reaches_the_manager_in_both_CRMs()
    {
        var chats = Directory(TestPeople.Configuration(("People:Managers:anna@firm.ru:ChatId", "555007")));

        Assert.Equal(555007, chats.ManagerChat(AnnaB24));
        Assert.Equal(555007, chats.ManagerChat(AnnaAmo));
        Assert.Equal([new("bitrix24:7"), new("amocrm:8100003")], chats.UsersOf(555007).Select(user => new UserKey($"{CrmRef.CrmName(user.Crm!.Value)}:{user.UserId}")));
    }

    [Fact]
    public void A_configured_chat_wins_over_a_chat_the_manager_linked_through_the_bot()
    {
        var links = new ManagerLinkStore(store);
        links.Link(new ManagerLink("anna@firm.ru", "Анна Смирнова", 777, "Ольга", At));

        Assert.Equal(777, Directory(TestPeople.None).ManagerChat(AnnaAmo));
        Assert.Equal(555007, Directory(TestPeople.Configuration(("People:Managers:bitrix24_7:ChatId", "555007"))).ManagerChat(AnnaAmo));
    }

    [Fact]
    public void A_manager_chat_may_be_a_channel_named_by_at_name()
    {
        var chats = Directory(TestPeople.Configuration(("People:Managers:anna@firm.ru:ChatId", "@anna_deals")));

        Assert.Equal("@anna_deals", chats.ManagerChat(AnnaAmo)?.Name);
        Assert.DoesNotContain(0L, chats.AllowedChatIds);
    }

    private sealed record UserKey(string Value);
}
