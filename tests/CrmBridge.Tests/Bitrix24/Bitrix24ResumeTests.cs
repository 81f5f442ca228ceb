using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Tests.Bitrix24.Fakes;
using CrmBridge.Tests.Storage;

namespace CrmBridge.Tests.Bitrix24;

/// <summary>A full load stopped half-way (the process dies) goes on from the last page it stored, in a new process.</summary>
public sealed class Bitrix24ResumeTests : IDisposable
{
    private readonly FakePortal portal = new FakePortal().WithEmptyPortal();
    private readonly TempDatabase file = new();

    [Fact]
    public async Task A_full_load_that_dies_while_storing_a_page_resumes_after_the_last_committed_page_on_restart()
    {
        // 3,000 companies: a first page of 50, a batch of 2,500, a batch of 450 that also carries the 120 contacts.
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 3000).Select(i => BitrixRows.Company(i)));
        portal.Tables["crm.contact.list"].AddRange(Enumerable.Range(1, 120).Select(i => BitrixRows.Contact(5000 + i, i, "Бухгалтер")));
        var first = new Bitrix24TestHost(portal, store: new TestStore(file.Path));
        first.Store.CompanyRecords.AfterUpsert = upserts =>
        {
            if (upserts == 3)
            {
                // The third page is written but not committed when the process dies: it goes, with its checkpoint.
                throw new InvalidOperationException("The process died.");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(first.SyncAsync);
        first.Dispose();
        var callsBefore = portal.CallsOf("crm.company.list").Count();

        // Pages read ahead while the store lagged share a transaction with the page before them, so the dead page took
        // its whole transaction along: the first page alone, or the first two. Whatever stayed is whole, and its
        // checkpoint names its last company.
        using var second = new Bitrix24TestHost(portal, store: new TestStore(file.Path));
        var kept = second.Store.Companies.Count();
        Assert.True(kept is 50 or 2550, $"{kept} companies kept");
        var checkpoint = second.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company");
        Assert.Equal(kept.ToString(CultureInfo.InvariantCulture), checkpoint?.LastId);
        await second.SyncAsync();

        // The companies go on after the last stored page, counted again; the contacts, stored after the companies, had
        // nothing stored and start from the beginning.
        var resumed = portal.CallsOf("crm.company.list").Skip(callsBefore).ToList();
        Assert.Equal(checkpoint!.LastId, resumed[0].Parameters["filter"]![">ID"]!.ToString());
        Assert.Equal((3000 - kept + 49) / 50, resumed.Count);
        Assert.Equal(3000, second.Store.Companies.Count());
        Assert.Equal(120, second.Store.Persons.Count());
        Assert.Null(second.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company")!.LastId);
    }

    public void Dispose()
    {
        portal.Dispose();
        file.Dispose();
    }
}
