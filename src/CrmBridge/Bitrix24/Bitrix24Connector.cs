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
        writer = new Bitrix24Writer(transport, webhook, logger);
    }

    public CrmKind Crm => CrmKind.Bitrix24;

    public string Account { get; }

    /// <summary>A new tick: the retry budget is full again and a stop of the last tick is lifted (one request finds out).</summary>
    public async Task<SyncSummary> SyncAsync(CancellationToken cancellationToken)
    {
        transport.Tick.StartTick();
        var requestsBefore = transport.Requests;
        var reader = new RowReader(Account, logger);
        var loader = new CheckpointedLoader(lists, store, Account, options, time, logger);
        var reconciler = new IdReconciler(lists, store, Account, options, time, logger);
        var companies = new CompanyPageWriter(store, mapper, postponements, options, time, logger);
        var records = new RecordPageWriter(store, mapper);
        var failures = new List<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task<int> Chain(string name, Func<CancellationToken, Task<int>> body)
        {
            try
            {
                return await body(stop.Token);
            }
            catch (CrmStopException)
            {
                await stop.CancelAsync();
                throw;
            }
            catch (Bitrix24Exception ex)
            {
                logger.EntityFailed(Account, name, ex.Message);
                lock (failures)
                {
                    failures.Add($"{name}: {ex.Message}");
                }

                return 0;
            }
        }

        var companyPlan = new EntityPlan("company", Bitrix24Lists.Companies(options), "DATE_MODIFY", companies.StoreCompanies);
        var contactPlan = new EntityPlan("contact", Bitrix24Lists.Contacts(options), "DATE_MODIFY", records.StoreContacts);
        var companyTask = Chain("company", async token =>
        {
            var count = await loader.LoadAsync(companyPlan, reader, token);
            await loader.LoadAsync(new EntityPlan("requisite", Bitrix24Lists.Requisites, "DATE_MODIFY", companies.StoreRequisites), reader, token);
            await reconciler.ReconcileIfDueAsync("company", companyPlan.Query, token);
            return count;
        });
        var contactTask = Chain("contact", async token =>
        {
            var count = await loader.LoadAsync(contactPlan, reader, token);
            await reconciler.ReconcileIfDueAsync("contact", contactPlan.Query, token);
            return count;
        });
        var dealTask = Chain("deal", async token =>
        {
            var count = await loader.LoadAsync(new EntityPlan("deal", Bitrix24Lists.Deals(options), "DATE_MODIFY", records.StoreDeals), reader, token);
            await loader.LoadAsync(new EntityPlan("stagehistory", Bitrix24Lists.StageHistory, null, records.StoreStageHistory), reader, token);
            await reconciler.ReconcileIfDueAsync("deal", Bitrix24Lists.Deals(options), token);
            return count;
        });
        var userTask = Chain("user", async token =>
        {
            var count = await loader.LoadAsync(new EntityPlan("user", Bitrix24Lists.Users, null, records.StoreUsers) { AlwaysFull = true }, reader, token);
            await new PipelineLoader(transport, store, mapper, time).LoadAsync(reader, token);
            return count;
        });

        // Activities resolve their company through stored contacts and deals, so they go after those.
        var activityTask = Task.WhenAll(contactTask, dealTask).ContinueWith(
            _ => Chain("activity", token => loader.LoadAsync(new EntityPlan("activity", Bitrix24Lists.Activities, "LAST_UPDATED", records.StoreActivities), reader, token)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();

        try
        {
            await Task.WhenAll(companyTask, contactTask, dealTask, userTask, activityTask);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && FirstStop(companyTask, contactTask, dealTask, userTask, activityTask) is { } stopped)
        {
            // Another chain stopped the sync and cancelled this one; its CrmStopException is the one to report (the
            // sync cycle logs it, once).
            throw stopped;
        }

        var summary = new SyncSummary(Crm, Account, companyTask.Result, contactTask.Result, dealTask.Result, activityTask.Result, userTask.Result, reader.Skipped, transport.Requests - requestsBefore);
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

    private static CrmStopException? FirstStop(params Task[] tasks) =>
        tasks.Select(t => t.Exception?.InnerException).OfType<CrmStopException>().FirstOrDefault();

    private CrmRef CheckOwn(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return company.Crm == CrmKind.Bitrix24 && string.Equals(company.Account, Account, StringComparison.OrdinalIgnoreCase)
            ? company
            : throw new ArgumentException($"{company.Key} does not belong to Bitrix24 portal {Account}.", nameof(company));
    }
}
