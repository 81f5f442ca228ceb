using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Outbox;

namespace CrmBridge.Tests.Sync;

/// <summary>A connector that records the field fills it is asked for; every other write is not expected.</summary>
internal sealed class RecordingConnector(CrmKind crm, string account) : ICrmConnector
{
    public CrmKind Crm => crm;

    public string Account => account;

    public List<(CrmRef Company, IReadOnlyDictionary<string, string> Fields, string? Inn)> Fills { get; } = [];

    public Uri CardUrl(CrmRef company) => new($"https://{account}/{company.Id}");

    public Task<SyncSummary> SyncAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ReassignCompanyAsync(CrmRef company, string newOwnerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddCommentAsync(CrmRef company, string text, WriteMarker marker, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddTaskAsync(CrmRef company, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task FillEmptyCompanyFieldsAsync(CrmRef company, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken)
    {
        Fills.Add((company, fields, inn));
        return Task.CompletedTask;
    }
}
