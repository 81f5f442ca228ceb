namespace CrmBridge.Bitrix24.Transport;

/// <summary>The per-command outcomes of a batch, in command order.</summary>
internal sealed record BatchReply(IReadOnlyList<BatchCommandOutcome> Outcomes);
