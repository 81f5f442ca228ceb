namespace CrmBridge.Setup;

/// <summary>What a CRM field means to CrmBridge; each has a setting per CRM that names the field.</summary>
internal enum FieldPurpose
{
    Inn,
    Kpp,
    Ogrn,
    PostponedUntil,
    PostponeReason,
    DecisionMaker,
}
