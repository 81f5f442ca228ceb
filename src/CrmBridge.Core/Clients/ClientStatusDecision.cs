using CrmBridge.Core.Model;

namespace CrmBridge.Core.Clients;

/// <summary>A client's status and, in plain words, which rule decided it.</summary>
public sealed record ClientStatusDecision(ClientStatus Status, string Reason);
