namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoPipelineStatuses(IReadOnlyList<AmoStatus>? Statuses = null);
