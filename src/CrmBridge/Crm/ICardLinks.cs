using CrmBridge.Core.Model;

namespace CrmBridge.Crm;

/// <summary>Links to company cards for messages; null when no configured CRM account owns the reference.</summary>
internal interface ICardLinks
{
    Uri? CardUrl(CrmRef company);
}
