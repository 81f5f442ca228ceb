namespace CrmBridge.Notifications;

/// <summary>
/// A chat a manager linked through the bot, approved by a head: the person (its key) reads nudges there. Kept with the
/// e-mail and CRM users it was approved for, and who approved it when, for /team.
/// </summary>
internal sealed record ManagerLink(string PersonKey, string Name, long ChatId, string ApprovedBy, DateTimeOffset LinkedAt)
{
    public string Email { get; init; } = "";

    /// <summary>The CRM users the e-mail matched, as shown to the head ("bitrix24:7 Анна Смирнова").</summary>
    public IReadOnlyList<string> Users { get; init; } = [];
}
