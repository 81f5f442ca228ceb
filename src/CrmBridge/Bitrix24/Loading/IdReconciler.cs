using CrmBridge.Core.Model;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Bitrix24 lists never show deleted cards, so every ReconcileInterval all ids are read (select ID only) and the
/// cards the portal no longer has are marked deleted in the Store, never dropped.
/// </summary>
internal sealed class IdReconciler(KeysetListReader lists, ICrmStore store, string host, Bitrix24Options options, TimeProvider time, ILogger logger)
{
    public async Task ReconcileIfDueAsync(string entity, ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var checkpoint = store.Checkpoints.Get(CrmKind.Bitrix24, host, entity);
        var now = time.GetUtcNow();
        var last = checkpoint?.LastReconciledAt ?? checkpoint?.LastFullLoadAt;
        if (checkpoint is null || last is null || now - last.Value < options.ReconcileInterval)
        {
            return;
        }

        var alive = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in lists.ReadAsync(query with { Select = ["ID"], Filter = new Dictionary<string, string>(query.Filter) }, null, cancellationToken))
        {
            foreach (var row in page.Rows)
            {
                if (row.TryGetProperty("ID", out var id))
                {
                    alive.Add(id.ToString());
                }
            }
        }

        var marked = entity switch
        {
            "company" => store.Companies.MarkDeleted(Vanished(store.Companies.ByAccount(CrmKind.Bitrix24, host).Where(c => !c.IsDeleted).Select(c => c.Ref), alive)),
            "contact" => store.Persons.Upsert(store.Persons.ByAccount(CrmKind.Bitrix24, host).Where(p => !p.IsDeleted && !alive.Contains(p.Ref.Id)).Select(p => p with { IsDeleted = true }).ToList()),
            "deal" => store.Deals.Upsert(store.Deals.ByAccount(CrmKind.Bitrix24, host).Where(d => !d.IsDeleted && !alive.Contains(d.Ref.Id)).Select(d => d with { IsDeleted = true }).ToList()),
            _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Only companies, contacts and deals are reconciled."),
        };
        store.Checkpoints.Save(checkpoint with { LastReconciledAt = now });
        logger.Reconciled(host, entity, marked);
    }

    private static List<CrmRef> Vanished(IEnumerable<CrmRef> stored, HashSet<string> alive) => [.. stored.Where(r => !alive.Contains(r.Id))];
}
