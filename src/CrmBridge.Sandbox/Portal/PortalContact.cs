namespace CrmBridge.Sandbox.Portal;

public sealed record PortalContact(
    long Id,
    int Slot,
    string FirstName,
    string LastName,
    string SecondName,
    string Position,
    bool IsDecisionMaker,
    string Phone,
    string Email,
    DateTimeOffset CreatedAt);
