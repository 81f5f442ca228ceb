using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Tests.Rules;

/// <summary>
/// The index hands every rule and KPI each company's and deal's records: it must give exactly what a plain filter and
/// a stable sort by time give, on a base with shuffled records, equal moments, deleted records, cards read twice,
/// references to cards the base does not hold, and equal references that are different objects.
/// </summary>
public sealed class ClientIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(3));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_company_and_deal_gets_its_live_records_oldest_first_in_input_order_for_equal_moments(int seed)
    {
        var clientBase = RandomBase(new Random(seed));
        var index = new ClientIndex(clientBase);

        // Fresh reference objects: lookups go by value, not by the instance the records hold.
        var companyRefs = clientBase.Companies.Select(c => c.Ref)
            .Concat(clientBase.Activities.Select(a => a.Company!))
            .Select(r => new CrmRef(r.Crm, r.Account, r.Id))
            .Distinct()
            .Append(Ref("never-seen"))
            .ToList();
        foreach (var company in companyRefs)
        {
            Assert.Equal(
                clientBase.Activities.Where(a => !a.IsDeleted && a.Company == company).OrderBy(a => a.At),
                index.ActivitiesOf(company));
            Assert.Equal(
                clientBase.Deals.Where(d => !d.IsDeleted && d.Company == company).OrderBy(d => d.CreatedAt),
                index.DealsOf(company));
            Assert.Equal(
                clientBase.OwnerChanges.Where(o => o.Company == company).OrderBy(o => o.At),
                index.OwnerChangesOf(company));
            Assert.Same(clientBase.Companies.LastOrDefault(c => c.Ref == company), index.Company(company));
        }

        foreach (var deal in clientBase.Deals.Select(d => d.Ref).Append(Ref("deal-never-seen")))
        {
            Assert.Equal(
                clientBase.StageChanges.Where(s => s.Deal == deal).OrderBy(s => s.At),
                index.StageChangesOf(new CrmRef(deal.Crm, deal.Account, deal.Id)));
        }
    }

    private static ClientBase RandomBase(Random random)
    {
        var companies = new List<Company>();
        for (var i = 0; i < 60; i++)
        {
            companies.Add(Company($"c{i}", Start.AddDays(i)));
        }

        // A card read twice: the index keeps the last copy.
        companies.Add(Company("c7", Start.AddDays(100)));

        var activities = new List<Activity>();
        var deals = new List<Deal>();
        var stageChanges = new List<StageChange>();
        var ownerChanges = new List<OwnerChange>();
        for (var n = 0; n < 900; n++)
        {
            // One busy card (more than a few dozen records sorts another way), the rest spread, and some unknown cards.
            var company = n % 5 == 0 ? Ref("c3") : Ref(n % 17 == 0 ? $"gone{random.Next(3)}" : $"c{random.Next(60)}");

            // Few distinct moments, so many records share one: their input order must hold.
            var at = Start.AddHours(random.Next(40));
            activities.Add(new Activity
            {
                Ref = Ref($"a{n}"),
                Company = company,
                Kind = ActivityKind.Call,
                At = at,
                ModifiedAt = at,
                IsDeleted = random.Next(10) == 0,
            });
            if (n % 3 == 0)
            {
                var deal = Ref($"d{n}");
                deals.Add(new Deal
                {
                    Ref = deal,
                    Title = "Сделка",
                    Company = company,
                    PipelineId = "0",
                    StageId = "NEW",
                    CreatedAt = at,
                    ModifiedAt = at,
                    IsDeleted = random.Next(10) == 0,
                });
                for (var k = random.Next(4); k > 0; k--)
                {
                    stageChanges.Add(new StageChange { Ref = Ref($"s{n}-{k}"), Deal = deal, PipelineId = "0", ToStageId = "NEW", At = Start.AddHours(random.Next(10)) });
                }
            }

            if (n % 7 == 0)
            {
                ownerChanges.Add(new OwnerChange { Ref = Ref($"o{n}"), Company = company, ToOwnerId = "1", At = Start.AddHours(random.Next(10)) });
            }
        }

        // A stage move of a deal the base does not hold.
        stageChanges.Add(new StageChange { Ref = Ref("s-orphan"), Deal = Ref("d-gone"), PipelineId = "0", ToStageId = "NEW", At = Start });
        return new ClientBase
        {
            Companies = companies,
            Activities = [.. activities.OrderBy(_ => random.Next())],
            Deals = [.. deals.OrderBy(_ => random.Next())],
            StageChanges = [.. stageChanges.OrderBy(_ => random.Next())],
            OwnerChanges = [.. ownerChanges.OrderBy(_ => random.Next())],
        };
    }

    private static Company Company(string id, DateTimeOffset createdAt) =>
        new() { Ref = Ref(id), Title = "ООО " + id, CreatedAt = createdAt, ModifiedAt = createdAt };

    private static CrmRef Ref(string id) => new(CrmKind.Bitrix24, "portal.bitrix24.ru", id);
}
