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

        using var second = new Bitrix24TestHost(portal, store: new TestStore(file.Path));
        Assert.Equal(2550, second.Store.Companies.Count());
        var checkpoint = second.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company");
        Assert.Equal("2550", checkpoint?.LastId);
        await second.SyncAsync();

        // The companies go on after the last stored page, counted again (450 left: 9 pages); the contacts, stored
        // after the companies, had nothing stored and start from the beginning.
        var resumed = portal.CallsOf("crm.company.list").Skip(callsBefore).ToList();
        Assert.Equal("2550", resumed[0].Parameters["filter"]![">ID"]!.ToString());
        Assert.Equal(9, resumed.Count);
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
