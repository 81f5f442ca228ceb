using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Core.Tests.Rules;

namespace CrmBridge.Core.Tests.Clients;

public class BaseStructureTests
{
    [Fact]
    public void The_working_base_counts_cards_by_A_B_clients_by_status_and_channels_by_ABCDE()
    {
        var clientBase = new ClientTable()
            // A client with cards in both CRMs (two A cards), won once in Bitrix24 with a margin: one-off, grade C
            // (100 000 < 500 000, high potential).
            .Client("1", "W950:100000:5000", CompanyCategory.A, inn: "7707083893")
            // A B card won twice within the year with a call between: regular, grade D; the wins carry no margin.
            .Client("2", "W700 C800 W950", CompanyCategory.B)
            // An unclassified card without deals: new, no grade.
            .Client("3", "")
            .Build();
        // A fourth card in quarantine until after now leaves the working base.
        var quarantined = new Company
        {
            Ref = ClientTable.Ref("4"),
            Title = "Карантин",
            CreatedAt = ClientBaseBuilder.Day0,
            ModifiedAt = ClientBaseBuilder.Day0,
            QuarantinedUntil = ClientTable.Now.AddDays(1),
        };
        var context = KpiContext.From(clientBase with { Companies = [.. clientBase.Companies, quarantined] }, new KpiSettings(), ClientBaseBuilder.Moscow, ClientTable.Now);

        var structure = BaseStructure.Compute(context);

        Assert.Equal(
            new Dictionary<CompanyCategory, int> { [CompanyCategory.Unknown] = 1, [CompanyCategory.A] = 2, [CompanyCategory.B] = 1 },
            structure.ByCompanyCategory);
        Assert.Equal(
            new Dictionary<ClientStatus, int> { [ClientStatus.New] = 1, [ClientStatus.OneOff] = 1, [ClientStatus.Regular] = 1 },
            structure.ByStatus);
        Assert.Equal(new Dictionary<ClientCategory, int> { [ClientCategory.C] = 1, [ClientCategory.D] = 1 }, structure.ByCategory);
        Assert.Equal(1, structure.WithoutMarginData);
    }
}
