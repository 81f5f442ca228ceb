using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Sync;

/// <summary>
/// Executes the outbox's CRM write-backs through the connector of the card's CRM account. Comments and tasks carry
/// the action's marker and, after an attempt with an unknown outcome, are looked for on the card before they are
/// written again (<see cref="ActionKinds.Of"/>).
/// </summary>
internal sealed class CrmActionExecutor(IEnumerable<ICrmConnector> connectors) : IActionExecutor
{
    public bool CanExecute(string kind) => kind is ActionKinds.CrmReassign or ActionKinds.CrmComment or ActionKinds.CrmTask
        or ActionKinds.CrmFillEmptyFields;

    public async Task ExecuteAsync(ActionAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        try
        {
            await WriteAsync(attempt, cancellationToken);
        }
        catch (CrmStopException ex) when (CompanyOf(attempt.Payload) is { } company)
        {
            // The CRM refused before anything was written (or is stopped for the tick): the action waits, said once per tick.
            throw new ServiceStoppedException($"{(company.Crm == CrmKind.Bitrix24 ? "Bitrix24" : "amoCRM")} {company.Account}", ex.Message, ex);
        }
    }

    private static CrmRef? CompanyOf(object payload) => payload switch
    {
        ReassignCompanyPayload reassign => reassign.Company,
        CompanyCommentPayload comment => comment.Company,
        CompanyTaskPayload task => task.Company,
        CompanyFieldsPayload fill => fill.Company,
        _ => null,
    };

    private Task WriteAsync(ActionAttempt attempt, CancellationToken cancellationToken)
    {
        var marker = WriteMarker.Of(attempt);
        return attempt.Payload switch
        {
            ReassignCompanyPayload reassign => ReassignAsync(reassign, marker, cancellationToken),
            CompanyCommentPayload comment => ConnectorFor(comment.Company).AddCommentAsync(comment.Company, comment.Text, marker, cancellationToken),
            CompanyTaskPayload task => ConnectorFor(task.Company).AddTaskAsync(task.Company, task.ResponsibleId, task.Title, task.Deadline, marker, cancellationToken),
            // Fill-if-empty re-reads the card first, so the outbox may retry it freely.
            CompanyFieldsPayload fill => ConnectorFor(fill.Company).FillEmptyCompanyFieldsAsync(fill.Company, fill.Fields, fill.Inn, cancellationToken),
            var other => throw new PermanentActionException($"A {attempt.Kind} action carries a {other.GetType().Name}, which no CRM write understands."),
        };
    }

    private async Task ReassignAsync(ReassignCompanyPayload reassign, WriteMarker marker, CancellationToken cancellationToken)
    {
        var connector = ConnectorFor(reassign.Company);
        await connector.ReassignCompanyAsync(reassign.Company, reassign.NewOwnerId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(reassign.Comment))
        {
            // The owner change is idempotent; the comment is added only once it went through, and carries the marker,
            // so a repeat after a cut sets the same owner again and finds the comment already there.
            await connector.AddCommentAsync(reassign.Company, reassign.Comment, marker, cancellationToken);
        }
    }

    private ICrmConnector ConnectorFor(CrmRef company) =>
        connectors.FirstOrDefault(c => c.Crm == company.Crm && string.Equals(c.Account, company.Account, StringComparison.OrdinalIgnoreCase))
        ?? throw new PermanentActionException($"No {CrmRef.CrmName(company.Crm)} connection for account {company.Account} is configured; the action on card {company.Id} cannot run.");
}
