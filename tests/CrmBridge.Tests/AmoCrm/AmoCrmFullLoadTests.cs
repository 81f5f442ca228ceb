using CrmBridge.AmoCrm;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.AmoCrm;

/// <summary>
/// A full load at the vendor's limit: every list pages side by side through one rate gate on a fake clock that moves on
/// its own (as the wall clock would while requests are out), against an amoCRM that answers 429 past 7 arrivals in any
/// second by that clock. The load is driven by a loop that moves that clock while the gate waits on it, so the class
/// runs alone (a starved machine once let a page be asked twice in a parallel run).
/// </summary>
[Collection(DrivenClockTests.Name)]
public sealed class AmoCrmFullLoadTests
{
    private const int Companies = 40;
    private const int PerPage = 5;

    [Fact]
    public async Task A_full_load_of_eight_lists_at_seven_requests_a_second_gets_no_429_and_stores_every_page_in_order()
    {
        using var amo = AmoCrmHarness.LongLived(AtTheLimit).WithEmptyLists();
        var account = new AmoPagedAccount(amo, perSecond: 7, PerPage, Companies);

        var summary = await DriveAsync(amo, amo.Connector.SyncAsync(CancellationToken.None));

        var arrivals = account.Arrivals;
        Assert.All(arrivals, a => Assert.True(a.Admitted, $"{a.Path} page {a.Page} got 429 at {a.At:HH:mm:ss.fff}"));
        Assert.Equal(account.Pages.Values.Sum(), arrivals.Count);
        foreach (var (path, pages) in account.Pages)
        {
            // Each page once, one after another: a list's next page goes out when the page before names it.
            Assert.Equal(Enumerable.Range(1, pages), arrivals.Where(a => a.Path == path).Select(a => a.Page));
        }

        // Lists page side by side: contacts did not wait for the last company page.
        var lastCompanyPage = arrivals.Single(a => a.Path == "/api/v4/companies" && a.Page == Companies / PerPage);
        Assert.Contains(arrivals.TakeWhile(a => a != lastCompanyPage), a => a.Path == "/api/v4/contacts" && a.Page == 2);

        // Never faster than the limit: 7 arrivals at most in any second of the vendor's clock.
        var times = arrivals.Select(a => a.At).Order().ToList();
        Assert.All(Enumerable.Range(0, times.Count - 7), k => Assert.True(times[k + 7] - times[k] >= TimeSpan.FromSeconds(1)));

        Assert.Equal((Companies, Companies, Companies, 2 * Companies, 2), (summary.Companies, summary.Persons, summary.Deals, summary.Activities, summary.Users));
        AssertStoredInDependencyOrder(amo);
        foreach (var entity in new[] { "company", "contact", "deal" })
        {
            var checkpoint = amo.Store.Checkpoints.Get(CrmKind.AmoCrm, amo.Account, entity);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(AmoPagedAccount.Stamp + Companies - 1), checkpoint?.ModifiedSince);
            Assert.NotNull(checkpoint?.LastFullLoadAt);
        }

        Assert.Equal(summary.Requests, arrivals.Count);
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_load_cut_in_the_middle_resumes_after_the_last_stored_page_and_ends_with_everything()
    {
        var time = new FakeTimeProvider(AmoCrmHarness.Start);
        using var server = AmoCrmHarness.StartServer();
        using var store = new ObservedCrmStore(time);
        AmoPagedAccount account;
        using (var first = AmoCrmHarness.LongLived(AtTheLimit, store, server, time).WithEmptyLists())
        {
            account = new AmoPagedAccount(first, perSecond: 7, PerPage, Companies);
            account.Failing.Add(("/api/v4/companies", 5));

            await Assert.ThrowsAnyAsync<HttpRequestException>(() => DriveAsync(first, first.Connector.SyncAsync(CancellationToken.None)));

            // Four pages made it: the checkpoint is at the last stored company.
            Assert.Equal(4 * PerPage, store.Companies.Count());
            Assert.Equal(
                DateTimeOffset.FromUnixTimeSeconds(AmoPagedAccount.Stamp + (4 * PerPage) - 1),
                store.Checkpoints.Get(CrmKind.AmoCrm, first.Account, "company")?.ModifiedSince);
        }

        // The process starts again on the same Store (a few seconds later) and the vendor is well again.
        account.Failing.Clear();
        time.Advance(TimeSpan.FromSeconds(5));
        var before = account.Arrivals.Count;
        using var second = AmoCrmHarness.LongLived(AtTheLimit, store, server, time);
        await DriveAsync(second, second.Connector.SyncAsync(CancellationToken.None));

        var companies = account.Arrivals.Skip(before).Where(a => a.Path == "/api/v4/companies").ToList();
        var resumed = AmoCrmHarness.Query(server.LogEntries.First(e => e.RequestMessage.Path == "/api/v4/companies"
            && AmoCrmHarness.Query(e)["filter[updated_at][from]"].Any()));
        Assert.Equal((AmoPagedAccount.Stamp + (4 * PerPage) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), resumed["filter[updated_at][from]"].Single());
        Assert.True(
            companies.Count == 5,
            $"company requests after the restart: {string.Join(", ", companies.Select(a => $"page {a.Page} at {a.At:HH:mm:ss.fff}{(a.Admitted ? "" : " (429)")}"))}");
        Assert.All(account.Arrivals, a => Assert.True(a.Admitted));
        Assert.Equal(Companies, store.Companies.Count());
        Assert.Equal(Companies, store.Persons.Count());
        AssertStoredInDependencyOrder(second);
        var company = store.Checkpoints.Get(CrmKind.AmoCrm, second.Account, "company");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(AmoPagedAccount.Stamp + Companies - 1), company?.ModifiedSince);
    }

    private static void AtTheLimit(Dictionary<string, string?> settings)
    {
        settings["AmoCrm:RequestsPerSecond"] = "7";
        settings["AmoCrm:SyncOverlap"] = "00:00:00";
    }

    /// <summary>
    /// Tasks find their company through the lead stored before them; a company handed to its owner got the hand-over
    /// time, which needs the company stored before the event.
    /// </summary>
    private static void AssertStoredInDependencyOrder(AmoCrmHarness amo)
    {
        var tasks = amo.Store.Activities.All().Where(a => a.Kind == ActivityKind.Meeting).ToList();
        Assert.Equal(Companies, tasks.Count);
        Assert.All(tasks, t => Assert.NotNull(t.Company));
        var companies = amo.Store.Companies.All();
        Assert.Equal(Companies, companies.Count);
        Assert.All(companies, c => Assert.NotNull(c.OwnerSince));
    }

    /// <summary>
    /// Moves the fake clock while the load waits for a slot to leave the second, and only then (so no attempt times out on
    /// it): the load waits for nothing else on the clock, and the gate must keep the vendor's count by that clock.
    /// </summary>
    private static async Task<T> DriveAsync<T>(AmoCrmHarness amo, Task<T> load)
    {
        var gate = amo.Services.GetRequiredService<AmoRateGate>();
        while (!load.IsCompleted)
        {
            if (gate.WaitingForTheClock)
            {
                amo.Time.Advance(TimeSpan.FromMilliseconds(20));
            }

            await Task.Yield();
        }

        return await load;
    }
}
