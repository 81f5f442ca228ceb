using System.Globalization;
using System.Web;
using CrmBridge.AmoCrm.Api;
using CrmBridge.AmoCrm.Mapping;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Refit;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Reads a HAL list page by page until there is no _links.next (HTTP 204 = empty), from the entity's checkpoint minus
/// the overlap. The next page is requested while the current one is stored; the checkpoint moves only after a store.
/// Only the page number is taken from the next link: the bearer token never goes to a host the response names.
/// </summary>
internal sealed class AmoPageReader(ICrmStore store, string account, TimeSpan overlap, TimeProvider time, ILogger logger, int retries = 0)
{
    public Task<AmoReadResult> ReadAsync<T>(AmoFeed<T> feed, CancellationToken cancellationToken)
        where T : class =>
        Start(feed, cancellationToken).StoreAsync();

    /// <summary>
    /// Requests the feed's first page now and returns without storing anything: the caller starts several feeds side by
    /// side and stores them with <see cref="AmoStartedRead.StoreAsync"/>, side by side too when they share
    /// <paramref name="commits"/> (pages ready together commit together), while every feed's next page is already on its
    /// way. A feed holds at most the page being stored and its read-ahead.
    /// </summary>
    public AmoStartedRead Start<T>(AmoFeed<T> feed, CancellationToken cancellationToken, AmoPageCommits? commits = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(feed);
        var checkpoint = feed.Stamp is null ? null : store.Checkpoints.Get(CrmKind.AmoCrm, account, feed.Entity);
        long? from = checkpoint?.ModifiedSince is { } since ? AmoTime.ToUnix(since - overlap) : null;
        var query = feed.FirstPage(from);
        var first = FetchAsync(feed, query, cancellationToken);
        return new AmoStartedRead(first, () => StoreAsync(feed, checkpoint, from, query, first, commits, cancellationToken));
    }

    private async Task<AmoReadResult> StoreAsync<T>(
        AmoFeed<T> feed, SyncCheckpoint? checkpoint, long? from, AmoListQuery query, Task<AmoPage<T>?> pending, AmoPageCommits? commits,
        CancellationToken cancellationToken)
        where T : class
    {
        var highest = checkpoint?.ModifiedSince;
        var total = default(AmoReadResult);
        while (true)
        {
            var page = await pending;
            if (page is null)
            {
                break;
            }

            var next = NextQuery(page, query);
            if (next is not null)
            {
                pending = FetchAsync(feed, next, cancellationToken);
            }

            try
            {
                var (records, skipped) = Split(feed.Entity, page);
                var stored = 0;
                // The page and the checkpoint after it commit together: a restart resumes right after the last stored page.
                void StorePage()
                {
                    stored = records.Count == 0 ? 0 : feed.Store(records);
                    if (feed.Stamp is not null && records.Count > 0)
                    {
                        var pageHighest = AmoTime.From(records.Max(feed.Stamp));
                        highest = highest is null || pageHighest > highest ? pageHighest : highest;
                    }

                    if (feed.Stamp is not null && (feed.OrderedByStamp || next is null) && highest != checkpoint?.ModifiedSince)
                    {
                        checkpoint = Advance(checkpoint, feed.Entity, highest, complete: from is null && next is null);
                    }
                }

                if (commits is null)
                {
                    store.InTransaction(StorePage);
                }
                else
                {
                    await commits.StoreAsync(StorePage);
                }

                total += new AmoReadResult(stored, skipped);
                AmoCrmLog.PageStored(logger, account, feed.Entity, query.Page, stored, skipped);
            }
            catch when (next is not null)
            {
                await ObserveAsync(pending);
                throw;
            }

            if (next is null)
            {
                break;
            }

            query = next;
        }

        return total;
    }

    private SyncCheckpoint Advance(SyncCheckpoint? checkpoint, string entity, DateTimeOffset? highest, bool complete)
    {
        var next = (checkpoint ?? new SyncCheckpoint { Crm = CrmKind.AmoCrm, Account = account, Entity = entity }) with
        {
            ModifiedSince = highest,
            LastFullLoadAt = complete ? time.GetUtcNow() : checkpoint?.LastFullLoadAt,
        };
        store.Checkpoints.Save(next);
        return next;
    }

    private (List<T> Records, int Skipped) Split<T>(string entity, AmoPage<T> page)
        where T : class
    {
        var records = new List<T>(page.Items.Count);
        var skipped = 0;
        foreach (var item in page.Items)
        {
            if (item.Value is { } value)
            {
                records.Add(value);
                continue;
            }

            skipped++;
            AmoCrmLog.RecordSkipped(logger, account, entity, item.RawId, item.Error ?? "unreadable");
        }

        return (records, skipped);
    }

    private static AmoListQuery? NextQuery<T>(AmoPage<T> page, AmoListQuery current)
        where T : class
    {
        var href = page.Links?.Next?.Href;
        if (string.IsNullOrWhiteSpace(href) || page.Items.Count == 0)
        {
            return null;
        }

        var queryString = Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.Query : href[Math.Max(href.IndexOf('?', StringComparison.Ordinal), 0)..];
        var pageText = HttpUtility.ParseQueryString(queryString)["page"];
        var number = int.TryParse(pageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > current.Page
            ? parsed
            : current.Page + 1;
        return current with { Page = number };
    }

    private async Task<AmoPage<T>?> FetchAsync<T>(AmoFeed<T> feed, AmoListQuery query, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await AmoCalls.UnwrapAsync(() => feed.Fetch(query, cancellationToken));
        }
        catch (ApiException exception) when ((int)exception.StatusCode is >= 200 and < 300 || exception.InnerException is System.Text.Json.JsonException)
        {
            throw new HttpRequestException(
                $"amoCRM {account} answered a body that is not JSON for {feed.Entity} page {query.Page}; retried {retries} times.", exception, exception.StatusCode);
        }
        catch (ApiException exception)
        {
            var problem = AmoProblem.TryParse(exception.Content)?.Describe();
            throw new HttpRequestException(
                $"amoCRM {account} answered {(int)exception.StatusCode} {exception.StatusCode} reading {feed.Entity} page {query.Page}"
                + (string.IsNullOrEmpty(problem) ? "." : $": {problem}."),
                exception,
                exception.StatusCode);
        }
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // The page that failed to store is what the caller hears about; the read-ahead's own failure adds nothing.
        }
    }
}
