namespace CrmBridge.Notifications;

/// <summary>A chat a manager linked through the bot, approved by a head: the person (its key) reads nudges there.</summary>
internal sealed record ManagerLink(string PersonKey, string Name, long ChatId, long ApprovedBy, DateTimeOffset LinkedAt);
