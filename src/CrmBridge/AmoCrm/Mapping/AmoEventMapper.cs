using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.AmoCrm.Mapping;

/// <summary>lead_status_changed becomes a stage change; entity_responsible_changed on a company an owner change.</summary>
internal static class AmoEventMapper
{
    public static StageChange? MapStageChange(AmoEvent amoEvent, string account)
    {
        ArgumentNullException.ThrowIfNull(amoEvent);
        var after = amoEvent.ValueAfter?.FirstOrDefault(v => v.LeadStatus is not null)?.LeadStatus;
        if (amoEvent.Type != AmoEvent.LeadStatusChanged || after is null)
        {
            return null;
        }

        var before = amoEvent.ValueBefore?.FirstOrDefault(v => v.LeadStatus is not null)?.LeadStatus;
        var reference = new CrmRef(CrmKind.AmoCrm, account, "event-" + amoEvent.Id);
        return new StageChange
        {
            Ref = reference,
            Deal = reference.Sibling(Text(amoEvent.EntityId)),
            PipelineId = Text(after.PipelineId ?? before?.PipelineId ?? 0),
            FromStageId = before is null ? null : Text(before.Id),
            ToStageId = Text(after.Id),
            At = AmoTime.From(amoEvent.CreatedAt),
            ByUserId = amoEvent.CreatedBy is { } by and > 0 ? Text(by) : null,
        };
    }

    public static OwnerChange? MapOwnerChange(AmoEvent amoEvent, string account)
    {
        ArgumentNullException.ThrowIfNull(amoEvent);
        var after = amoEvent.ValueAfter?.FirstOrDefault(v => v.ResponsibleUser is not null)?.ResponsibleUser;
        if (amoEvent.Type != AmoEvent.ResponsibleChanged || amoEvent.EntityType != "company" || after is null)
        {
            return null;
        }

        var before = amoEvent.ValueBefore?.FirstOrDefault(v => v.ResponsibleUser is not null)?.ResponsibleUser;
        var reference = new CrmRef(CrmKind.AmoCrm, account, "event-" + amoEvent.Id);
        return new OwnerChange
        {
            Ref = reference,
            Company = reference.Sibling(Text(amoEvent.EntityId)),
            FromOwnerId = before is null ? null : Text(before.Id),
            ToOwnerId = Text(after.Id),
            At = AmoTime.From(amoEvent.CreatedAt),
        };
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
