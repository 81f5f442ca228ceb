using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.AmoCrm.Mapping;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Crm;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.AmoCrm;

/// <summary>
/// One sync tick of one amoCRM account: users and pipelines (only when due, see <see cref="AmoReferenceWatch"/>),
/// companies, contacts, leads, tasks and call notes (limit 250) and events (limit 100), read side by side and stored page
/// by page as they come, a list after the lists its records are resolved against.
/// </summary>
internal sealed class AmoSyncRun
{
    private const int PageLimit = 250;
    private const int EventPageLimit = 100;
    private const string Ascending = "asc";

    private readonly IAmoCrmApi _api;
    private readonly ICrmStore _store;
    private readonly string _account;
    private readonly TimeProvider _time;
    private readonly AmoPageReader _reader;
    private readonly AmoCompanyMapper _companies;
    private readonly AmoContactMapper _contacts;
    private readonly AmoPostponementReader _postponements;
    private readonly long? _marginFieldId;
    private readonly AmoReferenceWatch _references;
    private readonly ILogger _logger;

    public AmoSyncRun(IAmoCrmApi api, ICrmStore store, AmoCrmOptions options, PortalCalendar calendar, TimeProvider time, ILogger logger)
    {
        _api = api;
        _store = store;
        _account = options.Account;
        _marginFieldId = options.MarginFieldId;
        _time = time;
        _logger = logger;
        _references = new AmoReferenceWatch(store, _account, options.ReferenceRefreshMinutes, time);
        _reader = new AmoPageReader(store, _account, options.SyncOverlap, time, logger, options.MaxRetries);
        _companies = new AmoCompanyMapper(options, _account, (id, field) => AmoCrmLog.BrokenField(logger, _account, "company", id, field));
        _postponements = new AmoPostponementReader(options, calendar, (id, field) => AmoCrmLog.BrokenField(logger, _account, "company", id, field));
        _contacts = new AmoContactMapper(options, _account, (id, field) => AmoCrmLog.BrokenField(logger, _account, "contact", id, field));
    }

    /// <param name="full">The tick evaluates everything (`once --full`, the weekly full): the reference lists are read too.</param>
    public async Task<SyncSummary> RunAsync(bool full, Func<int> requestsSoFar, CancellationToken cancellationToken)
    {
        var refresh = full || _references.Due();
        _references.Watching = !refresh;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var commits = new AmoPageCommits(_store);

        // Every list pages in its own chain and stores page by page as its pages come, so the rate gate always has a
        // request waiting while pages are mapped and stored; pages ready together commit together. A list whose records are resolved
        // against others waits for them to be stored in full: tasks for contacts and leads (their company), events for
        // companies (the owner's hand-over) and leads (a stage move marks its deal's company). It still requests its first
        // page at once and then holds it, so at most a page or two of each list is in memory.
        var plan = new List<(string Entity, Func<AmoStartedRead> Start, string[] After)>();
        if (refresh)
        {
            plan.Add(("user", () => _reader.Start(UsersFeed(), stop.Token, commits), []));
            plan.Add(("pipeline", () => _reader.Start(PipelinesFeed(), stop.Token, commits), []));
        }

        plan.AddRange(
        [
            ("company", () => _reader.Start(CompaniesFeed(), stop.Token, commits), []),
            ("contact", () => _reader.Start(ContactsFeed(), stop.Token, commits), []),
            ("deal", () => _reader.Start(LeadsFeed(), stop.Token, commits), []),
            ("task", () => _reader.Start(TasksFeed(), stop.Token, commits), ["contact", "deal"]),
            ("call", () => _reader.Start(CallNotesFeed(), stop.Token, commits), []),
            ("event", () => _reader.Start(EventsFeed(), stop.Token, commits), ["company", "deal"]),
        ]);

        var reads = new List<AmoStartedRead>();
        try
        {
            // The other lists go out once the first answer shows the account open: a 401/402/403 closes it, and a blocked
            // account must not get a burst.
            reads.Add(plan[0].Start());
            await reads[0].ObserveAsync();
            if (reads[0].FirstPage.IsCompletedSuccessfully)
            {
                reads.AddRange(plan.Skip(1).Select(p => p.Start()));
            }

            var stores = new List<Task<AmoReadResult>>();
            for (var i = 0; i < reads.Count; i++)
            {
                var after = plan[i].After.Select(e => stores[plan.FindIndex(p => p.Entity == e)]).ToArray();
                stores.Add(StoreAfterAsync(reads[i], after, stop));
            }

            var results = await WhenAllOrFirstFailure(stores);
            var offset = refresh ? 2 : 0;
            var (users, pipelines) = refresh ? (results[0], results[1]) : default;
            if (!refresh && _references.Unknown is { } unknown)
            {
                // A record names a user or status the Store lacks: read both lists now, so this tick maps it.
                AmoReferenceWatch.ReferencesUnknown(_logger, _account, unknown);
                users = await _reader.ReadAsync(UsersFeed(), stop.Token);
                pipelines = await _reader.ReadAsync(PipelinesFeed(), stop.Token);
                refresh = true;
            }

            if (refresh)
            {
                _references.Read();
            }

            var (companies, persons, deals, tasks, calls, events) =
                (results[offset], results[offset + 1], results[offset + 2], results[offset + 3], results[offset + 4], results[offset + 5]);
            var skipped = new[] { users, pipelines, companies, persons, deals, tasks, calls, events }.Sum(r => r.Skipped);
            return new SyncSummary(
                CrmKind.AmoCrm, _account, companies.Stored, persons.Stored, deals.Stored, tasks.Stored + calls.Stored, users.Stored, skipped, requestsSoFar());
        }
        catch (Exception)
        {
            await stop.CancelAsync();
            await Task.WhenAll(reads.Select(r => r.ObserveAsync()));
            throw;
        }
    }

    /// <summary>Stores a started list once the lists it resolves against are stored; a failure stops the other lists.</summary>
    private static async Task<AmoReadResult> StoreAfterAsync(AmoStartedRead read, Task[] after, CancellationTokenSource stop)
    {
        try
        {
            await Task.WhenAll(after);
            return await read.StoreAsync();
        }
        catch (Exception)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>
    /// The results in order; when lists fail, the failure that stopped the others is thrown (not the cancellations, nor
    /// a dependent list's copy of it).
    /// </summary>
    private static async Task<AmoReadResult[]> WhenAllOrFirstFailure(IReadOnlyCollection<Task<AmoReadResult>> stores)
    {
        try
        {
            return await Task.WhenAll(stores);
        }
        catch (Exception)
        {
            var failures = stores.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
            var cause = failures.FirstOrDefault(e => e is not OperationCanceledException) ?? failures.FirstOrDefault();
            if (cause is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
    }

    private AmoFeed<AmoUser> UsersFeed() => new(
        "user",
        _ => new AmoListQuery { Limit = PageLimit },
        _api.GetUsersAsync,
        users => StoreAll(_store.Managers, users.Select(u => AmoUserMapper.Map(u, _account, _time.GetUtcNow()))),
        Stamp: null,
        OrderedByStamp: false);

    private AmoFeed<AmoPipeline> PipelinesFeed() => new(
        "pipeline",
        _ => new AmoListQuery(),
        (_, ct) => _api.GetPipelinesAsync(ct),
        pipelines => StoreAll(_store.Pipelines, pipelines.Select(p => AmoDealMapper.Map(p, _account, _time.GetUtcNow()))),
        Stamp: null,
        OrderedByStamp: false);

    private AmoFeed<AmoCompany> CompaniesFeed() => new(
        "company",
        from => new AmoListQuery { Limit = PageLimit, UpdatedFrom = from, OrderByUpdated = Ascending },
        _api.GetCompaniesAsync,
        companies => StoreAll(_store.Companies, companies.Select(MapCompany).Select(c => _references.Note(c, c.OwnerId))),
        c => c.UpdatedAt,
        OrderedByStamp: true);

    private AmoFeed<AmoContact> ContactsFeed() => new(
        "contact",
        from => new AmoListQuery { Limit = PageLimit, UpdatedFrom = from, OrderByUpdated = Ascending },
        _api.GetContactsAsync,
        contacts => StoreAll(_store.Persons, contacts.Select(_contacts.Map).Select(p => _references.Note(p, p.OwnerId))),
        c => c.UpdatedAt,
        OrderedByStamp: true);

    private AmoFeed<AmoLead> LeadsFeed() => new(
        "deal",
        from => new AmoListQuery { Limit = PageLimit, UpdatedFrom = from, OrderByUpdated = Ascending, With = "loss_reason" },
        _api.GetLeadsAsync,
        leads => StoreAll(_store.Deals, leads.Select(l => _references.Note(AmoDealMapper.Map(l, _account, _marginFieldId)))),
        l => l.UpdatedAt,
        OrderedByStamp: true);

    private AmoFeed<AmoTask> TasksFeed() => new(
        "task",
        from => new AmoListQuery { Limit = PageLimit, UpdatedFrom = from },
        _api.GetTasksAsync,
        tasks => StoreAll(_store.Activities, tasks.Select(t => AmoActivityMapper.MapTask(t, _account, CompanyOf)).Select(a => _references.Note(a, a.OwnerId))),
        t => t.UpdatedAt,
        OrderedByStamp: false);

    private AmoFeed<AmoNote> CallNotesFeed() => new(
        "call",
        from => new AmoListQuery { Limit = PageLimit, UpdatedFrom = from, NoteTypes = [AmoNote.CallIn, AmoNote.CallOut, AmoNote.Common, AmoNote.Mail] },
        _api.GetCompanyNotesAsync,
        notes => StoreAll(_store.Activities, notes.Select(n => AmoActivityMapper.MapNote(n, _account)).OfType<Activity>()),
        n => n.UpdatedAt,
        OrderedByStamp: false);

    private AmoFeed<AmoEvent> EventsFeed() => new(
        "event",
        from => new AmoListQuery
        {
            Limit = EventPageLimit,
            CreatedFrom = from,
            EventTypes = [AmoEvent.LeadStatusChanged, AmoEvent.ResponsibleChanged],
        },
        _api.GetEventsAsync,
        StoreEvents,
        e => e.CreatedAt,
        OrderedByStamp: false);

    private Company MapCompany(AmoCompany company)
    {
        var stored = _store.Companies.Find(Ref(company.Id));
        return _postponements.Apply(_companies.Map(company, stored), company, stored);
    }

    private int StoreEvents(IReadOnlyList<AmoEvent> events)
    {
        var stageChanges = events.Select(e => AmoEventMapper.MapStageChange(e, _account)).OfType<StageChange>().ToList();
        var ownerChanges = events.Select(e => AmoEventMapper.MapOwnerChange(e, _account)).OfType<OwnerChange>().ToList();
        _store.StageChanges.Upsert(stageChanges);
        _store.OwnerChanges.Upsert(ownerChanges);
        _store.Companies.Upsert(OwnerSinceUpdates(ownerChanges));
        return stageChanges.Count + ownerChanges.Count;
    }

    /// <summary>Company.OwnerSince = the latest hand-over to the card's current owner.</summary>
    private List<Company> OwnerSinceUpdates(List<OwnerChange> ownerChanges)
    {
        var updates = new List<Company>();
        foreach (var latest in ownerChanges.GroupBy(c => c.Company).Select(g => g.MaxBy(c => c.At)!))
        {
            if (_store.Companies.Find(latest.Company) is { } company && company.OwnerId == latest.ToOwnerId
                && (company.OwnerSince is null || company.OwnerSince < latest.At))
            {
                updates.Add(company with { OwnerSince = latest.At });
            }
        }

        return updates;
    }

    private CrmRef? CompanyOf(string entityType, long id) => entityType switch
    {
        "leads" => _store.Deals.Find(Ref(id))?.Company,
        "contacts" => _store.Persons.Find(Ref(id))?.Company,
        _ => null,
    };

    private CrmRef Ref(long id) => new(CrmKind.AmoCrm, _account, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stores the mapped page; counts records read and stored, not only those the Store saw change.</summary>
    private static int StoreAll<T>(IRecordRepository<T> repository, IEnumerable<T> records)
        where T : class, IRecord
    {
        var list = records.ToList();
        repository.Upsert(list);
        return list.Count;
    }
}
