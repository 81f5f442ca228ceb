namespace CrmBridge.AmoCrm.Api;

/// <summary>The "_embedded" part of a contact or lead: the companies (and contacts) it is bound to.</summary>
internal sealed record AmoLinkedEntities(IReadOnlyList<AmoEntityLink>? Companies = null, IReadOnlyList<AmoEntityLink>? Contacts = null);
