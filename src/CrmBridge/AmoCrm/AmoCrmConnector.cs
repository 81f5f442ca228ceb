using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Crm;
using CrmBridge.Crm.Retry;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.AmoCrm;

/// <summary>One amoCRM account: incremental reads into the Store, write-backs for the outbox.</summary>
internal sealed class AmoCrmConnector : ICrmConnector
{
    private readonly IAmoCrmApi _api;
    private readonly ICrmStore _store;
    private readonly AmoRateGate _gate;
    private readonly AmoCrmOptions _options;
    private readonly TimeProvider _time;
    private readonly PortalCalendar _calendar;
    private readonly ILogger<AmoCrmConnector> _logger;
    private readonly AmoCompanyWriter _writer;
    private readonly CrmTickGate _tick;

    public AmoCrmConnector(
        IAmoCrmApi api,
        ICrmStore store,
        AmoRateGate gate,
        [FromKeyedServices(AmoCrmServiceCollectionExtensions.Key)] CrmTickGate tick,
        IOptions<AmoCrmOptions> options,
        PortalTimeZone zone,
        TimeProvider time,
        ILogger<AmoCrmConnector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        _api = api;
        _calendar = new PortalCalendar(zone.Zone);
        _store = store;
        _gate = gate;
        _tick = tick;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _writer = new AmoCompanyWriter(api, _options, time, logger);
    }

    public CrmKind Crm => CrmKind.AmoCrm;

    public string Account => _options.Account;

    /// <summary>
    /// A new tick reopens an account closed by a 403/402 (or a spent retry budget) in an earlier one: one request finds
    /// out; the retry budget is full again.
    /// </summary>
    public Task<SyncSummary> SyncAsync(CancellationToken cancellationToken) => SyncAsync(full: false, cancellationToken);

    /// <inheritdoc cref="ICrmConnector.SyncAsync(bool, CancellationToken)"/>
    public Task<SyncSummary> SyncAsync(bool full, CancellationToken cancellationToken)
    {
        _gate.Reopen();
        _tick.StartTick();
        var before = _gate.Issued;
        var run = new AmoSyncRun(_api, _store, _options, _calendar, _time, _logger);
        return run.RunAsync(full, () => (int)(_gate.Issued - before), cancellationToken);
    }

    public Uri CardUrl(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return new Uri(_options.BaseUri, $"/companies/detail/{Uri.EscapeDataString(company.Id)}");
    }

    public Task ReassignCompanyAsync(CrmRef company, string newOwnerId, CancellationToken cancellationToken) =>
        _writer.ReassignAsync([(company, newOwnerId)], cancellationToken);

    /// <summary>Several reassignments in PATCH requests of up to 50 companies each.</summary>
    public Task ReassignCompaniesAsync(IReadOnlyList<(CrmRef Company, string NewOwnerId)> changes, CancellationToken cancellationToken) =>
        _writer.ReassignAsync(changes, cancellationToken);

    public Task AddCommentAsync(CrmRef company, string text, WriteMarker marker, CancellationToken cancellationToken) =>
        _writer.AddCommentAsync(company, text, marker, cancellationToken);

    public Task AddTaskAsync(CrmRef company, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken) =>
        _writer.AddTaskAsync(company, responsibleId, title, deadline, marker, cancellationToken);

    public Task FillEmptyCompanyFieldsAsync(CrmRef company, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken) =>
        _writer.FillEmptyFieldsAsync(company, fields, inn, cancellationToken);
}
