using CrmBridge.Notifications;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.Configuration;

namespace CrmBridge.Tests.Sync;

public sealed class TickScopeLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public void A_chat_linked_or_removed_through_the_bot_makes_the_next_tick_full_so_standing_findings_reach_it()
    {
        using var store = CrmStore.OpenInMemory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:HeadChatIds:0"] = "555001" }).Build();
        store.Values.Set(RuleStep.FirstRunKey, "done");
        new TickScope(true, "first run", [], []).Complete(store, configuration, Now);
        Assert.False(TickScope.Decide(store, configuration, Now, full: false, []).Full);

        var links = new ManagerLinkStore(store);
        links.Link(new ManagerLink("boris@firm.ru", "Борис Орлов", 600009, "Ольга", Now));

        var scope = TickScope.Decide(store, configuration, Now, full: false, []);
        Assert.Equal((true, "settings changed"), (scope.Full, scope.Reason));

        scope.Complete(store, configuration, Now);
        links.Unlink("boris@firm.ru");

        Assert.Equal("settings changed", TickScope.Decide(store, configuration, Now, full: false, []).Reason);
    }
}
