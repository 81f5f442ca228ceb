using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>The working base by ABCDE category and by client status (cards still in the CRM and not in quarantine).</summary>
public sealed record BaseStructure(
    IReadOnlyDictionary<ClientCategory, int> ByCategory,
    IReadOnlyDictionary<ClientStatus, int> ByStatus)
{
    public static BaseStructure Compute(ClientBase clientBase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        var working = clientBase.Companies.Where(company => !company.IsDeleted && !(company.QuarantinedUntil > now)).ToList();
        return new BaseStructure(
            working.GroupBy(company => company.Category).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count()),
            working.GroupBy(company => company.Status).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count()));
    }
}
