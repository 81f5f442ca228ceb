using CrmBridge.Core.Model;
using CrmBridge.Foundation;

namespace CrmBridge.Notifications;

/// <summary>Who reads what in Telegram: heads of sales, and the chat of each manager (from Telegram:ManagerChats).</summary>
internal interface IChatDirectory
{
    IReadOnlyList<ChatAddress> HeadChatIds { get; }

    /// <summary>The chat of the CRM user behind the reference (Ref.Id is the user id), or null if none is configured.</summary>
    ChatAddress? ManagerChat(CrmRef manager);
}
