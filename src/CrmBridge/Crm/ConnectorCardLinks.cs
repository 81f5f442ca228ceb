using CrmBridge.Core.Model;

namespace CrmBridge.Crm;

/// <summary>Card links from the configured connectors (each knows its portal's URL shape).</summary>
internal sealed class ConnectorCardLinks(IEnumerable<ICrmConnector> connectors) : ICardLinks
{
    private readonly List<ICrmConnector> connectors = connectors.ToList();

    public Uri? CardUrl(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return connectors.FirstOrDefault(connector => connector.Crm == company.Crm && connector.Account == company.Account)?.CardUrl(company);
    }
}
