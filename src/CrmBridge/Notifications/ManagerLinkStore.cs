using System.Text.Json;
using CrmBridge.Storage;

namespace CrmBridge.Notifications;

/// <summary>
/// Linked chats and pending link requests, kept in the Store so they survive restarts. A handful of entries per
/// team, so each list is one JSON value; every change is written before the method returns.
/// </summary>
internal sealed class ManagerLinkStore(ICrmStore store)
{
    public const string LinksKey = "telegram:manager-links";
    public const string RequestsKey = "telegram:link-requests";

    private readonly Lock gate = new();

    public IReadOnlyList<ManagerLink> Links() => Read<ManagerLink>(LinksKey);

    public IReadOnlyList<LinkRequest> Requests() => Read<LinkRequest>(RequestsKey);

    public long? ChatOf(string personKey) =>
        Links().FirstOrDefault(link => string.Equals(link.PersonKey, personKey, StringComparison.OrdinalIgnoreCase))?.ChatId;

    public ManagerLink? LinkOfChat(long chatId) => Links().FirstOrDefault(link => link.ChatId == chatId);

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

    public void AddRequest(LinkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            Write(RequestsKey, Read<LinkRequest>(RequestsKey).Where(item => item.ChatId != request.ChatId).Append(request));
        }
    }

    /// <summary>Takes the request out of the waiting list; null when it was already decided (or never made).</summary>
    public LinkRequest? TakeRequest(string id)
    {
        lock (gate)
        {
            var requests = Read<LinkRequest>(RequestsKey);
            var found = requests.FirstOrDefault(item => item.Id == id);
            if (found is not null)
            {
                Write(RequestsKey, requests.Where(item => item.Id != id));
            }

            return found;
        }
    }

    private List<T> Read<T>(string key) =>
        store.Values.Get(key) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<T>>(json) ?? [] : [];

    private void Write<T>(string key, IEnumerable<T> items) => store.Values.Set(key, JsonSerializer.Serialize(items.ToList()));
}
