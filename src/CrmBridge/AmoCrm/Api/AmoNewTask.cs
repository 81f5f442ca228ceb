namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoNewTask(string Text, long CompleteTill, long EntityId, string EntityType, long TaskTypeId, long ResponsibleUserId);
