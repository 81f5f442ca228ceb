using CrmBridge.Core.Model;
using CrmBridge.Notifications;

namespace CrmBridge.Tests.Rules.Fakes;

internal sealed class FakeChatDirectory(IReadOnlyList<long> heads, IReadOnlyDictionary<string, long> managers) : IChatDirectory
{
    public IReadOnlyList<long> HeadChatIds => heads;

    public long? ManagerChat(CrmRef manager) => managers.TryGetValue(manager.Id, out var chat) ? chat : null;
}
