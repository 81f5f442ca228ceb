using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Sync;

/// <summary>One CRM of a <see cref="ScriptedCrm"/>: every sync hands the Store all it holds (the Store keeps what changed).</summary>
internal sealed class ScriptedConnector(ScriptedCrm crm, CrmKind kind, ICrmStore store) : ICrmConnector
{
    public CrmKind Crm => kind;

    public string Account => ScriptedCrm.Accounts[kind];

    public Task<SyncSummary> SyncAsync(CancellationToken cancellationToken)
    {
        var companies = crm.Companies(kind).ToList();
        var deals = crm.Deals(kind).ToList();
        var activities = crm.Activities(kind).ToList();
        store.InTransaction(() =>
        {
            store.Managers.Upsert(crm.Managers(kind));
            store.Pipelines.Upsert([crm.Pipeline(kind)]);
            store.Companies.Upsert(companies);
            store.Deals.Upsert(deals);
            store.StageChanges.Upsert(crm.StageChanges(kind));
            store.Activities.Upsert(activities);
            store.OwnerChanges.Upsert(crm.OwnerChanges(kind));
        });
        return Task.FromResult(new SyncSummary(kind, Account, companies.Count, 0, deals.Count, activities.Count, ScriptedCrm.ManagerIds.Length, 0, 1));
    }

    public Uri CardUrl(CrmRef company) => new($"https://{Account}/company/{company.Id}");

    public Task ReassignCompanyAsync(CrmRef company, string newOwnerId, CancellationToken cancellationToken)
    {
        crm.Reassign(company, newOwnerId);
        return Task.CompletedTask;
    }

    public Task AddCommentAsync(CrmRef company, string text, WriteMarker marker, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddTaskAsync(CrmRef company, string responsibleId, string title, DateTimeOffset deadline, WriteMarker marker, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task FillEmptyCompanyFieldsAsync(CrmRef company, IReadOnlyDictionary<string, string> fields, string? inn, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
