using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Outbox;

namespace CrmBridge.Tests.Rules.Fakes;

/// <summary>A connector that only gives card links; the rule step never reads or writes a CRM itself.</summary>
internal sealed class FakeCardLinks(string account) : ICrmConnector
{
    public CrmKind Crm => CrmKind.Bitrix24;

    public string Account => account;

    public Uri CardUrl(CrmRef company) => new($"https://{account}/crm/company/details/{company.Id}/");

    public Task<SyncSummary> SyncAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ReassignCompanyAsync(CrmRef company, string newOwnerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddCommentAsync(CrmRef company, string text, WriteMarker marker, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddTaskAsync(CrmRef company, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task FillEmptyCompanyFieldsAsync(CrmRef company, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
