using System.Net;
using CrmBridge.AmoCrm.Auth;
using CrmBridge.Crm;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoTokenManagerTests
{
    private const string TokenPath = "/oauth2/access_token";
    private static readonly string StoreKey = "amocrm:127.0.0.1:oauth-tokens";

    [Fact]
    public async Task The_authorization_code_is_exchanged_once_and_its_pair_stored_and_used()
    {
        using var amo = AmoCrmHarness.OAuth().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath(TokenPath).UsingPost().WithBody(new JsonPartialMatcher(new
        {
            client_secret = AmoFixture.ClientSecret,
            grant_type = "authorization_code",
            code = AmoFixture.AuthCode,
            redirect_uri = "https://crmbridge.example/amocrm/callback",
        }))).RespondWith(AmoCrmHarness.Json("token.first.json"));

        await amo.Tokens.ExchangeCodeAsync(AmoFixture.AuthCode, CancellationToken.None);
        await amo.Connector.SyncAsync(CancellationToken.None);

        var stored = AmoTokenPair.FromJson(amo.Store.Values.Get(StoreKey))!;
        Assert.Equal((AmoFixture.FirstAccess, AmoFixture.FirstRefresh), (stored.AccessToken, stored.RefreshToken));
        Assert.Equal(AmoCrmHarness.Start.AddDays(1), stored.ExpiresAt);
        Assert.All(amo.Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith("/api/", StringComparison.Ordinal)),
            e => Assert.Equal("Bearer " + AmoFixture.FirstAccess, e.RequestMessage.Headers!["Authorization"].Single()));
        amo.AssertOnlyExpectedRequests();
        amo.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_token_near_expiry_is_refreshed_and_the_new_pair_is_stored_before_the_next_call()
    {
        using var amo = await AuthorizedAsync();
        ServeRefresh(amo, AmoFixture.FirstRefresh, "token.second.json");
        ServeUsersFor(amo, AmoFixture.SecondAccess);
        var apiCallsWhenStored = -1;
        amo.Store.Values.AfterSet = key =>
        {
            if (key == StoreKey)
            {
                apiCallsWhenStored = ApiCalls(amo);
            }
        };
        amo.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(5));

        await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal(0, apiCallsWhenStored);
        Assert.Equal(AmoFixture.SecondRefresh, AmoTokenPair.FromJson(amo.Store.Values.Get(StoreKey))!.RefreshToken);
        Assert.Single(amo.Requests(TokenPath), IsRefresh);
        Assert.Single(amo.Requests("/api/v4/users"));
        amo.AssertOnlyExpectedRequests();
        amo.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_repeats_the_call()
    {
        using var amo = await AuthorizedAsync();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet().WithHeader("Authorization", "Bearer " + AmoFixture.FirstAccess))
            .RespondWith(AmoCrmHarness.Json("error.401.json", HttpStatusCode.Unauthorized));
        ServeUsersFor(amo, AmoFixture.SecondAccess);
        ServeRefresh(amo, AmoFixture.FirstRefresh, "token.second.json");

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal(2, summary.Users);
        Assert.Equal(2, amo.Requests("/api/v4/users").Count);
        Assert.Single(amo.Requests(TokenPath), IsRefresh);
        Assert.Equal(AmoFixture.SecondAccess, AmoTokenPair.FromJson(amo.Store.Values.Get(StoreKey))!.AccessToken);
        amo.AssertOnlyExpectedRequests();
        amo.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_crash_right_after_the_token_response_leaves_the_store_able_to_continue()
    {
        // Process 1 refreshes and dies as soon as the new pair is written.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AmoCrmHarness.Start);
        using var store = new ObservedCrmStore(time);
        var server = AmoCrmHarness.StartServer();
        using (var first = await AuthorizedAsync(store, server, time))
        {
            ServeRefresh(first, AmoFixture.FirstRefresh, "token.second.json");
            store.Values.AfterSet = _ => throw new SimulatedCrashException();
            first.Time.Advance(TimeSpan.FromDays(1));
            var crash = await Record.ExceptionAsync(() => first.Connector.SyncAsync(CancellationToken.None));
            Assert.IsType<SimulatedCrashException>(crash?.InnerException ?? crash);
            store.Values.AfterSet = null;
        }

        try
        {
            // Process 2 starts over the same Store; the server now treats the first refresh token as used.
            server.ResetMappings();
            server.ResetLogEntries();
            using var second = AmoCrmHarness.OAuth(store: store, server: server, time: time).WithEmptyLists();
            server.Given(Request.Create().WithPath(TokenPath).UsingPost().WithBody(new JsonPartialMatcher(new { refresh_token = AmoFixture.FirstRefresh })))
                .RespondWith(AmoCrmHarness.Json("error.401.revoked.json", HttpStatusCode.Unauthorized));
            ServeRefresh(second, AmoFixture.SecondRefresh, "token.third.json");
            ServeUsersFor(second, AmoFixture.SecondAccess);
            ServeUsersFor(second, AmoFixture.ThirdAccess);

            await second.Connector.SyncAsync(CancellationToken.None);
            Assert.Empty(second.Requests(TokenPath));

            time.Advance(TimeSpan.FromDays(1));
            await second.Connector.SyncAsync(CancellationToken.None);
            var refresh = Assert.Single(second.Requests(TokenPath));
            Assert.Contains(AmoFixture.SecondRefresh, refresh.RequestMessage.Body, StringComparison.Ordinal);
            Assert.Equal(AmoFixture.ThirdRefresh, AmoTokenPair.FromJson(store.Values.Get(StoreKey))!.RefreshToken);
            second.AssertOnlyExpectedRequests();
            second.AssertNoSecretLeaked();
        }
        finally
        {
            server.Stop();
            server.Dispose();
        }
    }

    [Fact]
    public async Task Two_callers_needing_a_refresh_at_once_cause_one_refresh()
    {
        using var amo = await AuthorizedAsync();
        ServeRefresh(amo, AmoFixture.FirstRefresh, "token.second.json");
        using var release = new ManualResetEventSlim();
        var refreshing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        amo.Store.Values.AfterSet = _ =>
        {
            refreshing.TrySetResult();
            release.Wait(TimeSpan.FromSeconds(30));
        };
        amo.Time.Advance(TimeSpan.FromDays(1));

        var first = Task.Run(() => amo.Tokens.GetAccessTokenAsync(CancellationToken.None));
        await refreshing.Task;
        var second = amo.Tokens.GetAccessTokenAsync(CancellationToken.None);
        Assert.False(second.IsCompleted, "the second caller waits for the refresh in progress");
        release.Set();

        Assert.Equal([AmoFixture.SecondAccess, AmoFixture.SecondAccess], await Task.WhenAll(first, second));
        Assert.Single(amo.Requests(TokenPath), IsRefresh);
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_revoked_refresh_token_stops_sync_and_tells_the_admin_to_authorize_again()
    {
        using var amo = await AuthorizedAsync();
        amo.Server.Given(Request.Create().WithPath(TokenPath).UsingPost().WithBody(new JsonPartialMatcher(new { refresh_token = AmoFixture.FirstRefresh })))
            .RespondWith(AmoCrmHarness.Json("error.401.revoked.json", HttpStatusCode.Unauthorized));
        amo.Time.Advance(TimeSpan.FromDays(1));

        var stop = await Assert.ThrowsAsync<CrmStopException>(() => amo.Connector.SyncAsync(CancellationToken.None));

        Assert.Contains("revoked", stop.Message, StringComparison.Ordinal);
        Assert.Contains("crmbridge amocrm-auth --code NEW_CODE", stop.Message, StringComparison.Ordinal);
        Assert.Empty(amo.Requests("/api/v4/users"));
        amo.AssertOnlyExpectedRequests();
        amo.AssertNoSecretLeaked(stop);
    }

    [Fact]
    public async Task A_rejected_long_lived_token_stops_sync_with_a_clear_message()
    {
        using var amo = AmoCrmHarness.LongLived();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet())
            .RespondWith(AmoCrmHarness.Json("error.401.json", HttpStatusCode.Unauthorized));

        var stop = await Assert.ThrowsAsync<CrmStopException>(() => amo.Connector.SyncAsync(CancellationToken.None));

        Assert.Contains("long-lived token", stop.Message, StringComparison.Ordinal);
        Assert.Contains("CRMBRIDGE_AmoCrm__AccessToken", stop.Message, StringComparison.Ordinal);
        Assert.Single(amo.Server.LogEntries);
        amo.AssertNoSecretLeaked(stop);
    }

    private static async Task<AmoCrmHarness> AuthorizedAsync(
        ObservedCrmStore? store = null, WireMock.Server.WireMockServer? server = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null)
    {
        var amo = AmoCrmHarness.OAuth(store: store, server: server, time: time).WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath(TokenPath).UsingPost().WithBody(new JsonPartialMatcher(new { grant_type = "authorization_code" })))
            .RespondWith(AmoCrmHarness.Json("token.first.json"));
        await amo.Tokens.ExchangeCodeAsync(AmoFixture.AuthCode, CancellationToken.None);
        return amo;
    }

    private static void ServeRefresh(AmoCrmHarness amo, string refreshToken, string fixture) =>
        amo.Server.Given(Request.Create().WithPath(TokenPath).UsingPost()
                .WithBody(new JsonPartialMatcher(new { grant_type = "refresh_token", refresh_token = refreshToken })))
            .RespondWith(AmoCrmHarness.Json(fixture));

    private static void ServeUsersFor(AmoCrmHarness amo, string accessToken) =>
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet().WithHeader("Authorization", "Bearer " + accessToken))
            .RespondWith(AmoCrmHarness.Json("users.json"));

    private static bool IsRefresh(WireMock.Logging.ILogEntry entry) =>
        entry.RequestMessage.Body?.Contains("\"refresh_token\"", StringComparison.Ordinal) == true
        && entry.RequestMessage.Body.Contains("\"grant_type\":\"refresh_token\"", StringComparison.Ordinal);

    private static int ApiCalls(AmoCrmHarness amo) =>
        amo.Server.LogEntries.Count(e => e.RequestMessage.Path.StartsWith("/api/", StringComparison.Ordinal));

    private sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException()
            : base("simulated process crash")
        {
        }
    }
}
