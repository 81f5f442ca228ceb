namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoEventStatus(long Id, long? PipelineId = null);
