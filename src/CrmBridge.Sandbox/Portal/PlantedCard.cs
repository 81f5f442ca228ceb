using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>A planted company card: where it is, its title and INN as the CRM shows them, and its owner's e-mail.</summary>
public sealed record PlantedCard(CrmKind Crm, long Id, string Title, string? Inn, string? Kpp, string OwnerEmail);
