using CrmBridge.Foundation;
using Telegram.Bot.Types;

namespace CrmBridge.Telegram;

internal static class ChatAddressExtensions
{
    /// <summary>The Bot API's chat_id: the number, or the channel's "@username".</summary>
    public static ChatId ToChatId(this ChatAddress address) => address.Id is { } id ? new ChatId(id) : new ChatId(address.Name!);
}
