using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// The working base (clients with a card still in the CRM and not in quarantine): cards by category A/B, clients by
/// status, and client-channel pairs by ABCDE grade (a client graded in two pipelines counts in each).
/// </summary>
/// <param name="ByCategory">ABCDE grades of client-channel pairs; Unknown where the potential is unknown.</param>
/// <param name="ByStatus">Clients (INN groups) by status.</param>
public sealed record BaseStructure(
    IReadOnlyDictionary<ClientCategory, int> ByCategory,
    IReadOnlyDictionary<ClientStatus, int> ByStatus)
{
    /// <summary>Working cards by their stored A/B decision.</summary>
    public IReadOnlyDictionary<CompanyCategory, int> ByCompanyCategory { get; init; } = new Dictionary<CompanyCategory, int>();

    /// <summary>Graded client-channel pairs whose won deals carry no margin: E could not be checked for them.</summary>
    public int WithoutMarginData { get; init; }

    public static BaseStructure Compute(KpiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clients = context.Clients;
        var now = context.Now;
        var byCompanyCategory = new SortedDictionary<CompanyCategory, int>();
        var byGrade = new SortedDictionary<ClientCategory, int>();
        var byStatus = new SortedDictionary<ClientStatus, int>();
        var withoutMargin = 0;
        for (var client = 0; client < clients.Groups.Count; client++)
        {
            var working = false;
            foreach (var card in clients.Groups.CardsOf(client))
            {
                if (!(card.QuarantinedUntil > now))
                {
                    working = true;
                    var category = CategoryDecision.Of(card);
                    byCompanyCategory[category] = byCompanyCategory.GetValueOrDefault(category) + 1;
                }
            }

            if (!working)
            {
                continue;
            }

            var status = clients.StatusOf(client).Status;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            foreach (var grade in clients.GradesOf(client))
            {
                byGrade[grade.Grade] = byGrade.GetValueOrDefault(grade.Grade) + 1;
                withoutMargin += grade.HasMarginData ? 0 : 1;
            }
        }

        return new BaseStructure(byGrade, byStatus) { ByCompanyCategory = byCompanyCategory, WithoutMarginData = withoutMargin };
    }
}
