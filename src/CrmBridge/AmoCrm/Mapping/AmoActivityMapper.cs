using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.AmoCrm.Mapping;

/// <summary>
/// Call notes (call_in / call_out) and tasks become activities (domain.md: a contact is a call note, or a completed
/// meeting task at complete_till). Ids get a "note-" / "task-" prefix: both live in one activity collection.
/// </summary>
internal static class AmoActivityMapper
{
    /// <summary>
    /// A company note as an activity: call notes are calls; a "common" note (such as "Отправлено КП") is a note by its
    /// author and an amomail message an e-mail, both conflict evidence (domain.md). CrmBridge's own comments
    /// ("CrmBridge: ...") are not somebody's work and are left out.
    /// </summary>
    public static Activity? MapNote(AmoNote note, string account)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.NoteType is AmoNote.Common or AmoNote.Mail)
        {
            if (note.Params?.Text?.StartsWith("CrmBridge:", StringComparison.Ordinal) == true)
            {
                return null;
            }

            var reference = new CrmRef(CrmKind.AmoCrm, account, "note-" + Text(note.Id));
            return new Activity
            {
                Ref = reference,
                Company = reference.Sibling(Text(note.EntityId)),
                Kind = note.NoteType == AmoNote.Mail ? ActivityKind.Email : ActivityKind.Note,
                OwnerId = (note.CreatedBy ?? note.ResponsibleUserId) is { } author ? Text(author) : null,
                At = AmoTime.From(note.CreatedAt),
                Completed = true,
                Subject = string.IsNullOrWhiteSpace(note.Params?.Text) ? null : note.Params.Text,
                ModifiedAt = AmoTime.From(note.UpdatedAt),
            };
        }

        return MapCallNote(note, account);
    }

    public static Activity? MapCallNote(AmoNote note, string account)
    {
        ArgumentNullException.ThrowIfNull(note);
        var direction = note.NoteType switch
        {
            AmoNote.CallIn => Direction.Inbound,
            AmoNote.CallOut => Direction.Outbound,
            _ => Direction.None,
        };
        if (direction == Direction.None)
        {
            return null;
        }

        var reference = new CrmRef(CrmKind.AmoCrm, account, "note-" + Text(note.Id));
        return new Activity
        {
            Ref = reference,
            Company = reference.Sibling(Text(note.EntityId)),
            Kind = ActivityKind.Call,
            Direction = direction,
            OwnerId = (note.ResponsibleUserId ?? note.CreatedBy) is { } owner ? Text(owner) : null,
            At = AmoTime.From(note.CreatedAt),
            Completed = true,
            Subject = string.IsNullOrWhiteSpace(note.Params?.CallResult) ? null : note.Params.CallResult,
            ModifiedAt = AmoTime.From(note.UpdatedAt),
        };
    }

    /// <param name="companyOf">Finds the company of a lead or contact the task is bound to (from the Store).</param>
    public static Activity MapTask(AmoTask task, string account, Func<string, long, CrmRef?> companyOf)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(companyOf);
        var reference = new CrmRef(CrmKind.AmoCrm, account, "task-" + Text(task.Id));
        var company = task is { EntityType: not null, EntityId: { } entityId }
            ? task.EntityType == "companies" ? reference.Sibling(Text(entityId)) : companyOf(task.EntityType, entityId)
            : null;
        return new Activity
        {
            Ref = reference,
            Company = company,
            Deal = task is { EntityType: "leads", EntityId: { } leadId } ? reference.Sibling(Text(leadId)) : null,
            Kind = task.TaskTypeId == AmoTask.MeetingType ? ActivityKind.Meeting : ActivityKind.Task,
            OwnerId = task.ResponsibleUserId is { } owner ? Text(owner) : null,
            At = AmoTime.From(task.CompleteTill),
            Completed = task.IsCompleted,
            Subject = string.IsNullOrWhiteSpace(task.Text) ? null : task.Text,
            ModifiedAt = AmoTime.From(task.UpdatedAt),
        };
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
