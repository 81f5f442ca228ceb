using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Sync;

/// <summary>Executes the outbox's CRM write-backs through the connector of the card's CRM account.</summary>
internal sealed class CrmActionExecutor(IEnumerable<ICrmConnector> connectors) : IActionExecutor
{
    public bool CanExecute(string kind) => kind is ActionKinds.CrmReassign or ActionKinds.CrmComment or ActionKinds.CrmTask
        or ActionKinds.CrmFillEmptyFields;

    public Task ExecuteAsync(string kind, object payload, CancellationToken cancellationToken) => payload switch
    {
        ReassignCompanyPayload reassign => ReassignAsync(reassign, cancellationToken),
        CompanyCommentPayload comment => ConnectorFor(comment.Company).AddCommentAsync(comment.Company, comment.Text, cancellationToken),
        CompanyTaskPayload task => ConnectorFor(task.Company).AddTaskAsync(task.Company, task.ResponsibleId, task.Title, task.Deadline, cancellationToken),
        // Fill-if-empty re-reads the card first, so the outbox may retry it freely.
        CompanyFieldsPayload fill => ConnectorFor(fill.Company).FillEmptyCompanyFieldsAsync(fill.Company, fill.Fields, fill.Inn, cancellationToken),
        _ => throw new PermanentActionException($"A {kind} action carries a {payload.GetType().Name}, which no CRM write understands."),
    };

    private async Task ReassignAsync(ReassignCompanyPayload reassign, CancellationToken cancellationToken)
    {
        var connector = ConnectorFor(reassign.Company);
        await connector.ReassignCompanyAsync(reassign.Company, reassign.NewOwnerId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(reassign.Comment))
        {
            // The owner change is idempotent and retried; the comment is only added once the reassignment went through.
            await connector.AddCommentAsync(reassign.Company, reassign.Comment, cancellationToken);
        }
    }

    private ICrmConnector ConnectorFor(CrmRef company) =>
        connectors.FirstOrDefault(c => c.Crm == company.Crm && string.Equals(c.Account, company.Account, StringComparison.OrdinalIgnoreCase))
        ?? throw new PermanentActionException($"No {CrmRef.CrmName(company.Crm)} connection for account {company.Account} is configured; the action on card {company.Id} cannot run.");
}
