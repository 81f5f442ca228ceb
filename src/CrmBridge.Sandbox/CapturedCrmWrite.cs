using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox;

/// <summary>A write a client made to a sandbox CRM (reassign, comment, task/to-do, note), with its JSON body.</summary>
public sealed record CapturedCrmWrite(CrmKind Crm, string Method, long EntityId, string Body, DateTimeOffset At);
