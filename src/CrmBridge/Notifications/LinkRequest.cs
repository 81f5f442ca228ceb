using CrmBridge.Foundation;

namespace CrmBridge.Notifications;

/// <summary>
/// A manager's request to link a chat: the e-mail given, the person and CRM users it matched, the message each head got
/// (so all of them can show the decision), and the decision once a head made it.
/// </summary>
internal sealed record LinkRequest(string Id, long ChatId, string Email, string PersonKey, string Name, IReadOnlyList<string> Users, DateTimeOffset RequestedAt)
{
    /// <summary>Who wrote from the chat, as Telegram names them ("Анна (@anna_s)").</summary>
    public string Requester { get; init; } = "";

    public IReadOnlyList<HeadMessage> HeadMessages { get; init; } = [];

    /// <summary>Null while waiting; true once approved, false once rejected.</summary>
    public bool? Approved { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public bool IsPending => Approved is null;
}

/// <summary>The request message one head chat got, with the buttons.</summary>
internal sealed record HeadMessage(ChatAddress Chat, int MessageId);

/// <summary>A chat that was asked for its work e-mail after /start.</summary>
internal sealed record AwaitedChat(long ChatId, DateTimeOffset Since);
