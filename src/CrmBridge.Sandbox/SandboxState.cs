using System.Collections.Concurrent;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox;

/// <summary>
/// The mutable layer over the generated portal: owner changes and touched modification times, kept per company
/// index; everything else is regenerated. Touched indices stay sorted so an incremental read skips the rest.
/// </summary>
internal sealed class SandboxState(SamplePortal portal, TimeProvider time)
{
    private readonly ConcurrentDictionary<int, (int Owner, DateTimeOffset Modified)> _overlay = new();
    private readonly SortedSet<int> _touched = [];
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<CapturedCrmWrite> _writes = new();
    private readonly ConcurrentQueue<WrittenItem> _written = new();
    private int[] _touchedSnapshot = [];
    private long _nextId = 9_000_000;
    private long _lastStamp;
    private long _version;

    public SamplePortal Portal => portal;

    public TimeProvider Time => time;

    public TimeSpan Offset => portal.Spec.UtcOffset;

    /// <summary>Every generated timestamp is at or before this moment; later ones come from writes and touches.</summary>
    public DateTimeOffset Horizon => portal.Spec.Now;

    public IReadOnlyCollection<CapturedCrmWrite> Writes => _writes;

    /// <summary>Changes with every write, so cached totals are recounted.</summary>
    public long Version => Interlocked.Read(ref _version);

    public PortalCompany Company(CrmKind crm, int local)
    {
        var company = portal.Company(crm, local);
        return _overlay.TryGetValue(company.Index, out var overlay)
            ? company with { OwnerUser = overlay.Owner >= 0 ? overlay.Owner : company.OwnerUser, ModifiedAt = overlay.Modified }
            : company;
    }

    public PortalCompany? FindCompany(CrmKind crm, long id)
    {
        var local = PortalIds.LocalOf(crm, id, PortalIds.AmoCompanyBase, 1);
        return id > 0 && local >= 0 && local < portal.CountIn(crm) ? Company(crm, local) : null;
    }

    /// <summary>Marks a company modified now, optionally giving it a new owner.</summary>
    public DateTimeOffset Touch(int index, int? owner = null) => TouchMany([index], owner);

    /// <summary>Marks companies modified now (one stamp for all); -1 in the overlay keeps the generated owner.</summary>
    public DateTimeOffset TouchMany(IReadOnlyCollection<int> indices, int? owner = null)
    {
        var stamp = Stamp();
        foreach (var index in indices)
        {
            var current = _overlay.TryGetValue(index, out var existing) ? existing.Owner : -1;
            _overlay[index] = (owner ?? current, stamp);
        }

        lock (_gate)
        {
            var before = _touched.Count;
            _touched.UnionWith(indices);
            if (_touched.Count != before)
            {
                _touchedSnapshot = [.. _touched];
            }
        }

        Interlocked.Increment(ref _version);
        return stamp;
    }

    /// <summary>Local indices of touched companies of one CRM from a local index on, ascending.</summary>
    public IEnumerable<int> TouchedLocals(CrmKind crm, int fromLocal)
    {
        var snapshot = Volatile.Read(ref _touchedSnapshot);
        var offset = crm == CrmKind.Bitrix24 ? 0 : portal.BitrixCount;
        var limit = offset + portal.CountIn(crm);
        var start = Array.BinarySearch(snapshot, offset + fromLocal);
        for (var i = start < 0 ? ~start : start; i < snapshot.Length && snapshot[i] < limit; i++)
        {
            yield return snapshot[i] - offset;
        }
    }

    public void Capture(CrmKind crm, string method, long entityId, string body) =>
        _writes.Enqueue(new CapturedCrmWrite(crm, method, entityId, body, time.GetUtcNow()));

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Comments, to-dos, notes and tasks added by clients, oldest first.</summary>
    public IReadOnlyCollection<WrittenItem> Written => _written;

    /// <summary>Keeps an added comment/to-do/note/task for the list methods; returns its new id.</summary>
    public long Add(CrmKind crm, WrittenKind kind, long entityId, string text)
    {
        var id = NextId();
        _written.Enqueue(new WrittenItem(crm, kind, entityId, id, text, time.GetUtcNow()));
        return id;
    }

    /// <summary>The newest first, as a list ordered by ID DESC returns them.</summary>
    public IReadOnlyList<WrittenItem> WrittenOn(CrmKind crm, WrittenKind kind, long entityId) =>
        [.. _written.Where(w => w.Crm == crm && w.Kind == kind && w.EntityId == entityId).OrderByDescending(w => w.Id)];

    /// <summary>A strictly increasing moment after the generated horizon, so incremental reads always see a write.</summary>
    private DateTimeOffset Stamp()
    {
        var now = time.GetUtcNow();
        var floor = Horizon.AddSeconds(1);
        var candidate = (now > floor ? now : floor).ToUnixTimeSeconds();
        long previous;
        long next;
        do
        {
            previous = Interlocked.Read(ref _lastStamp);
            next = Math.Max(candidate, previous);
        }
        while (Interlocked.CompareExchange(ref _lastStamp, next, previous) != previous);

        return DateTimeOffset.FromUnixTimeSeconds(next);
    }
}
