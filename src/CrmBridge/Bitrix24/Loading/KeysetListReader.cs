using System.Runtime.CompilerServices;
using System.Text.Json;
using CrmBridge.Bitrix24.Transport;
using Microsoft.Extensions.Options;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Reads a whole list by ID keyset. The first page is one plain call, so a quiet incremental tick costs one small
/// request. When it comes back full, the rest goes in batches of chained commands: command k filters
/// &gt;ID = $result[c(k-1)][49][ID], so one request returns up to 2,500 rows (PHPSDK Batch::getTraversableList).
/// Commands after the first short page are ignored: their reference has nothing to point at.
/// </summary>
internal sealed class KeysetListReader(Bitrix24Transport transport, IOptions<Bitrix24Options> options)
{
    private readonly int batchSize = options.Value.BatchSize;
    private readonly int maxStalls = Math.Max(1, options.Value.MaxRetries);

    public async IAsyncEnumerable<ListPage> ReadAsync(ListQuery query, string? afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterId ?? "0";
        var first = await transport.CallAsync(query.Method, query.ToJson(last), CallSafety.Idempotent, cancellationToken);
        var rows = PageRows.Of(first.Result, query.ItemsPath);
        if (rows.Count > 0)
        {
            last = PageRows.LastId(rows);
            yield return new ListPage(rows, last);
        }

        var done = rows.Count < ListQuery.PageSize;
        var stalls = 0;
        while (!done)
        {
            var commands = Enumerable.Range(0, batchSize)
                .Select(k => new BatchCommand($"c{k}", query.Method, query.ToQuery(k == 0 ? last : query.LastIdReference($"c{k - 1}"))))
                .ToList();
            var reply = await transport.BatchAsync(commands, cancellationToken);
            var collected = new List<JsonElement>();
            var limited = false;
            foreach (var outcome in reply.Outcomes)
            {
                if (outcome.Error is Bitrix24TransientException { RejectedBeforeExecution: true })
                {
                    // A limit inside the batch: keep what came, wait (the budget knows how long) and resume from there.
                    limited = true;
                    break;
                }

                if (outcome.Error is not null)
                {
                    throw outcome.Error;
                }

                var page = PageRows.Of(outcome.Result!.Value, query.ItemsPath);
                collected.AddRange(page);
                if (page.Count < ListQuery.PageSize)
                {
                    done = true;
                    break;
                }
            }

            if (collected.Count > 0)
            {
                stalls = 0;
                last = PageRows.LastId(collected);
                yield return new ListPage(collected, last);
            }
            else if (limited && ++stalls > maxStalls)
            {
                throw new Bitrix24TransientException($"Bitrix24 portal {transport.Host}: {query.Method} stays over its limits; the read will resume on the next tick.", true);
            }
        }
    }
}
