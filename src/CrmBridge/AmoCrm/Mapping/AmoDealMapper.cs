using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.AmoCrm.Mapping;

/// <summary>Leads become deals; pipelines keep their statuses ordered by sort, 142 won and 143 lost.</summary>
internal static class AmoDealMapper
{
    /// <param name="marginFieldId">AmoCrm:MarginFieldId, the lead field holding the margin; null = none.</param>
    public static Deal Map(AmoLead lead, string account, long? marginFieldId = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var reference = new CrmRef(CrmKind.AmoCrm, account, Text(lead.Id));
        var companyId = lead.Embedded?.Companies is [var first, ..] ? first.Id : (long?)null;
        var outcome = Outcome(lead.StatusId);
        return new Deal
        {
            Ref = reference,
            Title = lead.Name,
            Company = companyId is { } id ? reference.Sibling(Text(id)) : null,
            PipelineId = Text(lead.PipelineId),
            StageId = Text(lead.StatusId),
            Amount = lead.Price ?? 0m,
            OwnerId = lead.ResponsibleUserId is { } owner ? Text(owner) : null,
            CreatedAt = AmoTime.From(lead.CreatedAt),
            ModifiedAt = AmoTime.From(lead.UpdatedAt),
            ClosedAt = outcome == DealOutcome.Open ? null : AmoTime.From(lead.ClosedAt),
            Outcome = outcome,
            LossReason = outcome == DealOutcome.Lost ? LossReasonOf(lead) : null,
            Margin = Margin(lead, marginFieldId),
            IsDeleted = lead.IsDeleted == true,
        };
    }

    public static Pipeline Map(AmoPipeline pipeline, string account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var stages = (pipeline.Embedded?.Statuses ?? [])
            .OrderBy(s => s.Sort)
            .ThenBy(s => s.Id)
            .Select(s => new Stage(Text(s.Id), s.Name, s.Sort, Semantics(s.Id)))
            .ToList();
        return new Pipeline
        {
            Ref = new CrmRef(CrmKind.AmoCrm, account, Text(pipeline.Id)),
            Name = pipeline.Name,
            Stages = stages,
            ModifiedAt = now,
        };
    }

    /// <summary>The reason's name when amoCRM embedded it, else its id (a reason deleted since, or a list read without it).</summary>
    private static string? LossReasonOf(AmoLead lead) =>
        lead.Embedded?.LossReason is [{ Name: { } name }, ..] && !string.IsNullOrWhiteSpace(name) ? name.Trim()
        : lead.LossReasonId is { } id and > 0 ? Text(id)
        : null;

    private static decimal? Margin(AmoLead lead, long? fieldId) =>
        fieldId is not null
        && AmoCustomFieldReader.Find(lead.CustomFieldsValues, fieldId, null) is { } field
        && AmoCustomFieldReader.TryReadTexts(field, out var texts) && texts.Count > 0
        && decimal.TryParse(texts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var margin)
            ? margin
            : null;

    public static DealOutcome Outcome(long statusId) => statusId switch
    {
        AmoStatus.Won => DealOutcome.Won,
        AmoStatus.Lost => DealOutcome.Lost,
        _ => DealOutcome.Open,
    };

    private static StageSemantics Semantics(long statusId) => statusId switch
    {
        AmoStatus.Won => StageSemantics.Won,
        AmoStatus.Lost => StageSemantics.Lost,
        _ => StageSemantics.Open,
    };

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
