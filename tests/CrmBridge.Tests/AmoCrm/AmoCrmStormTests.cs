using System.Net;
using System.Text.Json;
using CrmBridge.Crm;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.AmoCrm;

/// <summary>Transient faults cost a retry, not the tick: a load through a storm stores what a clean load stores.</summary>
public sealed class AmoCrmStormTests
{
    private static readonly (string Path, string Fixture)[] Lists =
    [
        ("/api/v4/users", "users.json"), ("/api/v4/leads/pipelines", "pipelines.json"), ("/api/v4/companies", "companies.page3.json"),
        ("/api/v4/contacts", "contacts.json"), ("/api/v4/leads", "leads.json"), ("/api/v4/tasks", "tasks.json"),
        ("/api/v4/companies/notes", "notes.calls.json"), ("/api/v4/events", "events.json"),
    ];

    /// <summary>Four faults in a row before each list answers: 8 lists × 4 = 32 faults of six kinds.</summary>
    private static readonly Func<IResponseBuilder>[] Faults =
    [
        () => Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/problem+json").WithBody("""{"title":"Internal Server Error","status":500}"""),
        () => Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"),
        () => Response.Create().WithFault(FaultType.EMPTY_RESPONSE),
        () => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/hal+json").WithBody("""{"_page":1,"_embedded":{"compan"""),
        () => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html><body>Технические работы</body></html>"),
        () => Response.Create().WithStatusCode(503).WithHeader("Content-Type", "text/html").WithBody("<html>Service Unavailable</html>"),
    ];

    [Fact]
    public async Task A_load_through_a_storm_of_32_transient_faults_stores_the_same_as_a_clean_load()
    {
        using var clean = Harness();
        await clean.Connector.SyncAsync(CancellationToken.None);

        using var stormy = Harness();
        var faults = 0;
        foreach (var (path, _) in Lists)
        {
            for (var step = 0; step < 4; step++)
            {
                var mapping = stormy.Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(1).InScenario(path);
                var fault = step == 0 ? mapping : mapping.WhenStateIs($"fault {step}");
                fault.WillSetStateTo(step == 3 ? "calm" : $"fault {step + 1}").RespondWith(Faults[faults++ % Faults.Length]());
            }
        }

        var summary = await stormy.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal(32, faults);
        // Every list went through all four of its faults before it answered.
        Assert.Equal(Lists.Select(l => $"{l.Path}=calm").Order(), stormy.Server.Scenarios.Select(s => $"{s.Value.Name}={s.Value.NextState}").Order());
        Assert.Equal(Dump(clean), Dump(stormy));
        Assert.True(summary.Companies > 0);
        Assert.DoesNotContain(stormy.Logs.Lines, l => l.Contains("stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_garbled_page_that_stays_garbled_is_named_in_words_with_the_retries_spent()
    {
        using var amo = Harness();
        amo.Server.Given(Request.Create().WithPath("/api/v4/leads/pipelines").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/hal+json").WithBody("""{"_embedded":{"pipel"""));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => amo.Connector.SyncAsync(CancellationToken.None));

        Assert.IsNotType<CrmStopException>(error);
        Assert.Contains("answered a body that is not JSON for pipeline page 1; retried 4 times", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(5, amo.Requests("/api/v4/leads/pipelines").Count);
    }

    [Fact]
    public async Task A_storm_past_the_retry_budget_stops_amoCRM_for_the_tick_in_one_sentence()
    {
        using var amo = Harness(budget: 2);
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"));

        var stop = await Assert.ThrowsAsync<CrmStopException>(() => amo.Connector.SyncAsync(CancellationToken.None));

        Assert.Equal(
            "amoCRM: 3 transient faults this tick, its retry budget of 2 is spent (last: 502 Bad Gateway for GET /api/v4/users); stopping until the next tick",
            stop.Message);
        Assert.Equal(3, amo.Requests("/api/v4/users").Count);
    }

    private static AmoCrmHarness Harness(int budget = 100)
    {
        var amo = AmoCrmHarness.LongLived(s =>
        {
            s["AmoCrm:MaxRetries"] = "4";
            s["AmoCrm:RetryBudgetPerTick"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }).WithEmptyLists();
        foreach (var (path, fixture) in Lists)
        {
            amo.Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(10).RespondWith(AmoCrmHarness.Json(fixture));
        }

        return amo;
    }

    /// <summary>Everything the load stored, as JSON in a stable order (the account's port differs between harnesses).</summary>
    private static string Dump(AmoCrmHarness amo)
    {
        var store = amo.Store;
        object[] all =
        [
            store.Companies.All().OrderBy(c => c.Ref.Id, StringComparer.Ordinal),
            store.Persons.All().OrderBy(p => p.Ref.Id, StringComparer.Ordinal),
            store.Deals.All().OrderBy(d => d.Ref.Id, StringComparer.Ordinal),
            store.Activities.All().OrderBy(a => a.Ref.Id, StringComparer.Ordinal),
            store.Managers.All().OrderBy(m => m.Ref.Id, StringComparer.Ordinal),
            store.Pipelines.All().OrderBy(p => p.Ref.Id, StringComparer.Ordinal),
            store.StageChanges.All().OrderBy(s => s.Ref.Id, StringComparer.Ordinal),
            store.OwnerChanges.All().OrderBy(o => o.Ref.Id, StringComparer.Ordinal),
        ];
        return JsonSerializer.Serialize(all).Replace(amo.Account, "account", StringComparison.Ordinal);
    }
}
