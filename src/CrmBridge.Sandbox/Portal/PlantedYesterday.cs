namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// What one manager did yesterday across both CRMs: completed outbound calls, completed meetings, deals created
/// (amount > 0) and deals won. Nothing else in the portal happens yesterday, so these are the digest's numbers.
/// </summary>
public sealed record PlantedYesterday(string ManagerEmail, int Calls, int Meetings, int DealsCreated, int DealsWon, decimal WonAmount);
