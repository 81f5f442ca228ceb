using System.Text.Json;
using CrmBridge.Storage;

namespace CrmBridge.Notifications;

/// <summary>
/// Linked chats, link requests (waiting and decided) and the chats asked for an e-mail, kept in the Store so they
/// survive restarts. A handful of entries per team, so each list is one JSON value; every change is written before the
/// method returns. Decided requests are kept for <see cref="DecidedKeptFor"/>, so a late button press is answered with
/// who decided instead of "unknown".
/// </summary>
internal sealed class ManagerLinkStore(ICrmStore store)
{
    public const string LinksKey = "telegram:manager-links";
    public const string RequestsKey = "telegram:link-requests";
    public const string AwaitingKey = "telegram:link-awaiting";

    public static readonly TimeSpan DecidedKeptFor = TimeSpan.FromDays(30);

    private readonly Lock gate = new();

    public IReadOnlyList<ManagerLink> Links() => Read<ManagerLink>(LinksKey);

    public IReadOnlyList<LinkRequest> Requests() => Read<LinkRequest>(RequestsKey);

    public IReadOnlyList<LinkRequest> Pending() => [.. Requests().Where(request => request.IsPending)];

    public long? ChatOf(string personKey) =>
        Links().FirstOrDefault(link => string.Equals(link.PersonKey, personKey, StringComparison.OrdinalIgnoreCase))?.ChatId;

    public ManagerLink? LinkOfChat(long chatId) => Links().FirstOrDefault(link => link.ChatId == chatId);

    /// <summary>Links the person's chat; an older link of the same person or the same chat is replaced.</summary>
    public void Link(ManagerLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        lock (gate)
        {
            var links = Read<ManagerLink>(LinksKey)
                .Where(item => !string.Equals(item.PersonKey, link.PersonKey, StringComparison.OrdinalIgnoreCase) && item.ChatId != link.ChatId)
                .Append(link);
            Write(LinksKey, links);
        }
    }

    /// <summary>Removes the person's link; false when there was none.</summary>
    public bool Unlink(string personKey)
    {
        lock (gate)
        {
            var links = Read<ManagerLink>(LinksKey);
            var kept = links.Where(item => !string.Equals(item.PersonKey, personKey, StringComparison.OrdinalIgnoreCase)).ToList();
            Write(LinksKey, kept);
            return kept.Count != links.Count;
        }
    }

    /// <summary>Removes the link of the chat and returns it; null when the chat was not linked (already removed).</summary>
    public ManagerLink? UnlinkChat(long chatId)
    {
        lock (gate)
        {
            var links = Read<ManagerLink>(LinksKey);
            var removed = links.FirstOrDefault(item => item.ChatId == chatId);
            if (removed is not null)
            {
                Write(LinksKey, links.Where(item => item.ChatId != chatId));
            }

            return removed;
        }
    }

    /// <summary>Adds a waiting request (a waiting one from the same chat is replaced); forgets decisions past their time.</summary>
    public void AddRequest(LinkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            var kept = Read<LinkRequest>(RequestsKey)
                .Where(item => !(item.IsPending && item.ChatId == request.ChatId))
                .Where(item => item.IsPending || item.DecidedAt > request.RequestedAt - DecidedKeptFor);
            Write(RequestsKey, kept.Append(request));
        }
    }

    /// <summary>Remembers the message each head got for the request.</summary>
    public void SetHeadMessages(string id, IReadOnlyList<HeadMessage> messages) =>
        Update(id, request => request with { HeadMessages = messages });

    /// <summary>Drops a request nobody could be asked about.</summary>
    public void Withdraw(string id)
    {
        lock (gate)
        {
            Write(RequestsKey, Read<LinkRequest>(RequestsKey).Where(item => item.Id != id));
        }
    }

    /// <summary>
    /// Records a head's decision. Returns the request and whether this call decided it; a request decided before comes
    /// back unchanged with Fresh false (someone else was quicker); null when there is no such request.
    /// </summary>
    public (LinkRequest? Request, bool Fresh) Decide(string id, bool approved, string decidedBy, DateTimeOffset at)
    {
        lock (gate)
        {
            var requests = Read<LinkRequest>(RequestsKey);
            var found = requests.FirstOrDefault(item => item.Id == id);
            if (found is null || !found.IsPending)
            {
                return (found, false);
            }

            var decided = found with { Approved = approved, DecidedBy = decidedBy, DecidedAt = at };
            Write(RequestsKey, requests.Select(item => item.Id == id ? decided : item));
            return (decided, true);
        }
    }

    public void Await(long chatId, DateTimeOffset since)
    {
        lock (gate)
        {
            Write(AwaitingKey, Read<AwaitedChat>(AwaitingKey).Where(item => item.ChatId != chatId).Append(new AwaitedChat(chatId, since)));
        }
    }

    public bool IsAwaiting(long chatId) => Read<AwaitedChat>(AwaitingKey).Any(item => item.ChatId == chatId);

    public void StopAwaiting(long chatId)
    {
        lock (gate)
        {
            Write(AwaitingKey, Read<AwaitedChat>(AwaitingKey).Where(item => item.ChatId != chatId));
        }
    }

    private void Update(string id, Func<LinkRequest, LinkRequest> change)
    {
        lock (gate)
        {
            Write(RequestsKey, Read<LinkRequest>(RequestsKey).Select(item => item.Id == id ? change(item) : item));
        }
    }

    private List<T> Read<T>(string key) =>
        store.Values.Get(key) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<T>>(json) ?? [] : [];

    private void Write<T>(string key, IEnumerable<T> items) => store.Values.Set(key, JsonSerializer.Serialize(items.ToList()));
}
