using CrmBridge.Core.Model;
using CrmBridge.Foundation;
using CrmBridge.Notifications;

namespace CrmBridge.Tests.Rules.Fakes;

internal sealed class FakeChatDirectory(IReadOnlyList<long> heads, IReadOnlyDictionary<string, long> managers) : IChatDirectory
{
    public IReadOnlyList<ChatAddress> HeadChatIds => [.. heads.Select(ChatAddress.FromInt64)];

    public ChatAddress? ManagerChat(CrmRef manager) => managers.TryGetValue(manager.Id, out var chat) ? chat : null;
}
