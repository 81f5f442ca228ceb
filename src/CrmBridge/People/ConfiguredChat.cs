using CrmBridge.Foundation;

namespace CrmBridge.People;

/// <summary>A manager's chat from settings: the name that says whose (e-mail, "bitrix24:7" or a bare user id) and the chat.</summary>
internal sealed record ConfiguredChat(string Name, ChatAddress ChatId);
