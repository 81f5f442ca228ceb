using System.Runtime.CompilerServices;
using System.Text.Json;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Crm;
using Microsoft.Extensions.Options;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Reads every list of a tick through one chain of batches, packed so that no request leaves with an idle command
/// slot while a list still has pages. The first batch carries each list's first page and the reference reads. A full
/// read's first page is a counted command (no start=-1, so the portal reports the rows left); an incremental pass's
/// is not, because counting costs the portal a query over the whole filtered table on every tick (bitrix24/b24restdocs
/// api-reference/performance/huge-data.md: 49.9 s against 0.1 s on 2.4 million leads), and a quiet tick's lists end on
/// their first, short page: only a list whose first page came back full is counted, by its second page. Once counted,
/// a list knows how many pages it still owes, so each batch chains exactly those pages by ID keyset (command k filters
/// &gt;ID = $result[k-1][49][ID], PHPSDK Batch::getTraversableList) and hands the slots a list does not need to the
/// next list. No empty page is read to learn that a list ended: a short page or the count tells.
/// Pages come out in the order of the passes, a list's pages only once every list before it is complete: the caller
/// stores them as they come and what depends on an earlier list (requisites on companies, activities on contacts
/// and deals) finds it stored. Pages wait for an earlier list only within a batch or two (the first batch's, or while a limit holds that list).
/// </summary>
internal sealed class PackedListReader(Bitrix24Transport transport, IOptions<Bitrix24Options> options)
{
    private readonly int batchSize = Math.Clamp(options.Value.BatchSize, 1, 50);
    private readonly int maxStalls = Math.Max(1, options.Value.MaxRetries);

    public async IAsyncEnumerable<IReadOnlyList<PassPages>> ReadAsync(
        IReadOnlyList<ListPass> passes, PipelineReads references, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passes);
        ArgumentNullException.ThrowIfNull(references);
        var cursors = passes.Select((pass, i) => new Cursor(pass, $"l{i}p")).ToList();
        var stalls = 0;
        while (cursors.Any(c => !c.Finished) || references.HasPending)
        {
            var commands = new List<BatchCommand>(references.Take(batchSize));
            var referenceCount = commands.Count;
            var chains = Plan(cursors, commands);
            BatchReply? reply = null;
            Bitrix24Exception? failed = null;
            try
            {
                reply = await transport.BatchAsync(commands, cancellationToken);
            }
            catch (Bitrix24Exception ex)
            {
                failed = ex;
            }

            if (reply is null)
            {
                // The request itself failed after its retries: every list still open ends here for this tick.
                references.Fail(failed!);
                foreach (var cursor in cursors.Where(c => !c.Finished))
                {
                    cursor.Failure = failed;
                }

                yield return Release(cursors);
                yield break;
            }

            var kept = Take(reply.Outcomes, referenceCount, references, chains, out var limited);
            if (limited && kept == 0 && ++stalls > maxStalls)
            {
                var stuck = new Bitrix24TransientException($"Bitrix24 portal {transport.Host}: the lists stay over the portal's limits; the read will resume on the next tick.", true);
                references.Fail(stuck);
                foreach (var cursor in cursors.Where(c => !c.Finished))
                {
                    cursor.Failure = stuck;
                }
            }
            else if (kept > 0)
            {
                stalls = 0;
            }

            var released = Release(cursors);
            if (released.Count > 0)
            {
                yield return released;
            }
        }
    }

    /// <summary>Fills the batch: each open list in order gets the pages it still owes (one at a time until it is counted).</summary>
    private List<Chain> Plan(List<Cursor> cursors, List<BatchCommand> commands)
    {
        var chains = new List<Chain>();
        foreach (var cursor in cursors.Where(c => !c.Finished))
        {
            var free = batchSize - commands.Count;
            if (free == 0)
            {
                break;
            }

            var query = cursor.Pass.Query;
            var count = !cursor.Counted ? 1 : (int)Math.Min(free, cursor.PagesLeft ?? free);
            chains.Add(new Chain(cursor, commands.Count, count));
            for (var k = 0; k < count; k++)
            {
                var after = k == 0 ? cursor.AfterId : query.LastIdReference($"{cursor.Key}{k - 1}");
                commands.Add(new BatchCommand($"{cursor.Key}{k}", query.Method, query.ToQuery(after, counted: !cursor.Counted && cursor.AsksCount)));
            }
        }

        return chains;
    }

    /// <summary>
    /// Takes the outcomes in command order. A command the portal's limit turned away (QUERY_LIMIT_EXCEEDED,
    /// OPERATION_TIME_LIMIT of its method) ends its own chain there: what came before it is kept, and the list goes on
    /// from there in the next batch (the budget makes that batch wait as long as the method must). Other lists in the
    /// batch are not held back.
    /// </summary>
    private static int Take(IReadOnlyList<BatchCommandOutcome> outcomes, int referenceCount, PipelineReads references, List<Chain> chains, out bool limited)
    {
        limited = false;
        for (var i = 0; i < referenceCount; i++)
        {
            if (IsLimited(outcomes[i]))
            {
                references.Retry([outcomes[i].Command]);
                limited = true;
            }
            else
            {
                references.Accept(outcomes[i]);
            }
        }

        var kept = 0;
        foreach (var (cursor, start, count) in chains)
        {
            var query = cursor.Pass.Query;
            var collected = new List<JsonElement>();
            for (var k = 0; k < count; k++)
            {
                var outcome = outcomes[start + k];
                if (IsLimited(outcome))
                {
                    limited = true;
                    break;
                }

                if (outcome.Error is CrmStopException stop)
                {
                    throw stop;
                }

                if (outcome.Error is not null)
                {
                    cursor.Failure = outcome.Error;
                    break;
                }

                List<JsonElement> page;
                try
                {
                    page = PageRows.Of(outcome.Result!.Value, query.ItemsPath);
                }
                catch (Bitrix24Exception ex)
                {
                    cursor.Failure = ex;
                    break;
                }

                collected.AddRange(page);
                if (!cursor.Counted && !cursor.AsksCount)
                {
                    // An incremental pass's uncounted first page: a short one ends the list, a full one has the
                    // next batch ask for the count with the second page.
                    cursor.FirstPageRead = true;
                }
                else if (!cursor.Counted)
                {
                    cursor.Counted = true;
                    cursor.PagesLeft = outcome.Total is { } total ? (Math.Max(0, total - page.Count) + ListQuery.PageSize - 1) / ListQuery.PageSize : null;
                }
                else if (cursor.PagesLeft is { } left)
                {
                    cursor.PagesLeft = left - 1;
                }

                if (page.Count < ListQuery.PageSize || cursor.PagesLeft <= 0)
                {
                    cursor.Done = true;
                    break;
                }
            }

            if (collected.Count > 0)
            {
                try
                {
                    cursor.AfterId = PageRows.LastId(collected);
                }
                catch (Bitrix24Exception ex)
                {
                    cursor.Failure = ex;
                    continue;
                }

                cursor.Pending.Add(new ListPage(collected, cursor.AfterId));
                kept += collected.Count;
            }
        }

        return kept;
    }

    private static bool IsLimited(BatchCommandOutcome outcome) => outcome.Error is Bitrix24TransientException { RejectedBeforeExecution: true };

    /// <summary>The pages that may be stored now: every list's in order, up to the first list that is not complete.</summary>
    private static List<PassPages> Release(List<Cursor> cursors)
    {
        var released = new List<PassPages>();
        foreach (var cursor in cursors.Where(c => !c.Released))
        {
            if (cursor.Pending.Count == 0 && !cursor.Finished)
            {
                break;
            }

            released.Add(new PassPages(cursor.Pass, [.. cursor.Pending], cursor.Done && cursor.Failure is null, cursor.Failure));
            cursor.Pending.Clear();
            if (!cursor.Finished)
            {
                break;
            }

            cursor.Released = true;
        }

        return released;
    }

    private sealed record Chain(Cursor Cursor, int Start, int Count);

    private sealed class Cursor(ListPass pass, string key)
    {
        public ListPass Pass => pass;

        /// <summary>Command keys are this prefix and the page's place in the chain: non-numeric, as the portal needs.</summary>
        public string Key => key;

        public string AfterId { get; set; } = pass.ResumeFrom ?? "0";

        /// <summary>The counted page came back, with the count if the portal gave one.</summary>
        public bool Counted { get; set; }

        /// <summary>An incremental pass's first page came back full, uncounted.</summary>
        public bool FirstPageRead { get; set; }

        /// <summary>Whether the next page asked before <see cref="Counted"/> asks for the count.</summary>
        public bool AsksCount => !pass.Incremental || FirstPageRead;

        /// <summary>Pages still to read after the last one; null when the portal gave no count (read until a short page).</summary>
        public long? PagesLeft { get; set; }

        public bool Done { get; set; }

        public Exception? Failure { get; set; }

        public bool Finished => Done || Failure is not null;

        public bool Released { get; set; }

        public List<ListPage> Pending { get; } = [];
    }
}
