using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox;

/// <summary>
/// Something a client added to a card (a Bitrix24 comment or to-do, an amoCRM note or task), kept so the list methods
/// show it back, as the real CRMs do: a client checking for its own earlier write finds it.
/// </summary>
public sealed record WrittenItem(CrmKind Crm, WrittenKind Kind, long EntityId, long Id, string Text, DateTimeOffset At);
