using CrmBridge.Bitrix24.Loading;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Bitrix24;

/// <summary>
/// One Bitrix24 portal. Reads companies (with requisites), contacts, deals (with stage history), activities,
/// users and pipelines into the Store, side by side where order does not matter; writes back what the outbox asks.
/// </summary>
internal sealed class Bitrix24Connector : ICrmConnector
{
    private readonly Bitrix24Transport transport;
    private readonly ICrmStore store;
    private readonly Bitrix24Options options;
    private readonly TimeProvider time;
    private readonly ILogger<Bitrix24Connector> logger;
    private readonly Bitrix24Mapper mapper;
    private readonly BitrixPostponementReader postponements;
    private readonly KeysetListReader lists;
    private readonly PackedListReader packed;
    private readonly Bitrix24Writer writer;

    public Bitrix24Connector(
        Bitrix24Transport transport,
        Bitrix24Webhook webhook,
        ICrmStore store,
        IOptions<Bitrix24Options> options,
        PortalTimeZone zone,
        TimeProvider time,
        ILogger<Bitrix24Connector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(zone);
        this.transport = transport;
        this.store = store;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        Account = webhook.Host;
        mapper = new Bitrix24Mapper(Account, this.options);
        postponements = new BitrixPostponementReader(this.options, new PortalCalendar(zone.Zone), Account, logger);
        lists = new KeysetListReader(transport, options);
        packed = new PackedListReader(transport, options);
        writer = new Bitrix24Writer(transport, webhook, logger);
    }

    public CrmKind Crm => CrmKind.Bitrix24;

    public string Account { get; }

    /// <summary>
    /// A new tick: the retry budget is full again and a stop of the last tick is lifted (one request finds out). Every
    /// list is read through one chain of packed batches (<see cref="PackedListReader"/>); the next batch is on the
    /// wire while the last one is stored.
    /// </summary>
    public async Task<SyncSummary> SyncAsync(CancellationToken cancellationToken)
    {
        transport.Tick.StartTick();
        var requestsBefore = transport.Requests;
        var reader = new RowReader(Account, logger);
        var loader = new CheckpointedLoader(store, Account, options, time, logger);
        var companies = new CompanyPageWriter(store, mapper, postponements, options, time, logger);
        var records = new RecordPageWriter(store, mapper);
        var failures = new List<string>();

        // Store order: requisites merge into stored companies, activities find their company through stored contacts
        // and deals, so those lists come first.
        var passes = new[]
        {
            new EntityPlan("user", Bitrix24Lists.Users, null, records.PrepareUsers) { AlwaysFull = true },
            new EntityPlan("company", Bitrix24Lists.Companies(options), "DATE_MODIFY", companies.PrepareCompanies) { HoldsNothing = () => !store.Companies.HoldsAny(Crm, Account) },
            new EntityPlan("requisite", Bitrix24Lists.Requisites, "DATE_MODIFY", companies.PrepareRequisites),
            new EntityPlan("contact", Bitrix24Lists.Contacts(options), "DATE_MODIFY", records.PrepareContacts) { HoldsNothing = () => !store.Persons.HoldsAny(Crm, Account) },
            new EntityPlan("deal", Bitrix24Lists.Deals(options), "DATE_MODIFY", records.PrepareDeals) { HoldsNothing = () => !store.Deals.HoldsAny(Crm, Account) },
            new EntityPlan("stagehistory", Bitrix24Lists.StageHistory, null, records.PrepareStageHistory),
            new EntityPlan("activity", Bitrix24Lists.Activities, "LAST_UPDATED", records.PrepareActivities) { HoldsNothing = () => !store.Activities.HoldsAny(Crm, Account) },
        }.Select(loader.Begin).ToList();
        records.StageHistoryFromStart = passes.Single(p => p.Plan.Entity == "stagehistory").ResumeFrom is null;
        var pipelines = new PipelineReads(mapper, reader, store.Pipelines.ByAccount(CrmKind.Bitrix24, Account).Select(p => p.Ref.Id));

        await using (var batches = packed.ReadAsync(passes, pipelines, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            // The next request goes out, and its rows are read into records, while this one's pages are stored: the
            // load waits for the portal's limit, not for us, and both cores work.
            await new StorePipeline(store, loader, reader, (entity, message) => Fail(failures, entity, message)).RunAsync(batches);
        }

        if (pipelines.Pipelines(time.GetUtcNow()) is { } read)
        {
            store.Pipelines.Upsert(read);
        }
        else
        {
            Fail(failures, "pipeline", pipelines.Failure?.Message ?? "the pipelines did not come back complete");
        }

        await ReconcileAsync(passes, failures, cancellationToken);
        int Count(string entity) => passes.Single(p => p.Plan.Entity == entity).Stored;
        var summary = new SyncSummary(Crm, Account, Count("company"), Count("contact"), Count("deal"), Count("activity"), Count("user"), reader.Skipped, transport.Requests - requestsBefore);
        logger.SyncDone(Account, summary.Companies, summary.Persons, summary.Deals, summary.Activities, summary.Users, summary.Skipped, summary.Requests);
        if (failures.Count > 0)
        {
            throw new Bitrix24Exception($"Bitrix24 portal {Account}: sync incomplete, checkpoints of the failed lists are kept. {string.Join(" ", failures)}");
        }

        return summary;
    }

    public Uri CardUrl(CrmRef company) => writer.CardUrl(CheckOwn(company).Id);

    public Task ReassignCompanyAsync(CrmRef company, string newOwnerId, CancellationToken cancellationToken) =>
        writer.ReassignCompanyAsync(CheckOwn(company).Id, newOwnerId, cancellationToken);

    public Task AddCommentAsync(CrmRef company, string text, WriteMarker marker, CancellationToken cancellationToken) =>
        writer.AddCommentAsync(CheckOwn(company).Id, text, marker, cancellationToken);

    public Task AddTaskAsync(CrmRef company, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken) =>
        writer.AddTaskAsync(CheckOwn(company).Id, responsibleId, title, deadline, marker, cancellationToken);

    public Task FillEmptyCompanyFieldsAsync(CrmRef company, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken) =>
        writer.FillEmptyRequisiteFieldsAsync(CheckOwn(company).Id, fields, inn, cancellationToken);

    /// <summary>Bitrix24 lists never show deleted cards: every ReconcileInterval the ids of fully read lists are compared.</summary>
    private async Task ReconcileAsync(List<ListPass> passes, List<string> failures, CancellationToken cancellationToken)
    {
        var reconciler = new IdReconciler(lists, store, Account, options, time, logger);
        foreach (var pass in passes.Where(p => p.Plan.Entity is "company" or "contact" or "deal"))
        {
            if (failures.Any(f => f.StartsWith(pass.Plan.Entity + ":", StringComparison.Ordinal)))
            {
                continue;
            }

            try
            {
                await reconciler.ReconcileIfDueAsync(pass.Plan.Entity, pass.Plan.Query, cancellationToken);
            }
            catch (Bitrix24Exception ex)
            {
                Fail(failures, pass.Plan.Entity, ex.Message);
            }
        }
    }

    private void Fail(List<string> failures, string name, string message)
    {
        logger.EntityFailed(Account, name, message);
        failures.Add($"{name}: {message}");
    }

    private CrmRef CheckOwn(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return company.Crm == CrmKind.Bitrix24 && string.Equals(company.Account, Account, StringComparison.OrdinalIgnoreCase)
            ? company
            : throw new ArgumentException($"{company.Key} does not belong to Bitrix24 portal {Account}.", nameof(company));
    }
}
