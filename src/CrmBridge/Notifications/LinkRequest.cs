namespace CrmBridge.Notifications;

/// <summary>A manager's request to link a chat, waiting for a head: the e-mail given and the person it matched.</summary>
internal sealed record LinkRequest(string Id, long ChatId, string Email, string PersonKey, string Name, IReadOnlyList<string> Users, DateTimeOffset RequestedAt);
