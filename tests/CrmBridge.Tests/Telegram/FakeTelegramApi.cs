using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmBridge.Tests.Telegram;

/// <summary>A strict WireMock Telegram Bot API on loopback, answering with payload files from Fixtures/Telegram.</summary>
internal sealed class FakeTelegramApi : IDisposable
{
    public const string Token = "123456:TEST-token";

    public FakeTelegramApi() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url!;

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Telegram", name));

    public static string MethodPath(string method) => $"/bot{Token}/{method}";

    public FakeTelegramApi On(string method, int status, string fixture, string? scenario = null, string? whenState = null, string? setState = null)
    {
        var given = Server.Given(Request.Create().WithPath(MethodPath(method)).UsingPost());
        if (scenario is not null)
        {
            given = given.InScenario(scenario);
            if (whenState is not null)
            {
                given = given.WhenStateIs(whenState);
            }

            if (setState is not null)
            {
                given = given.WillSetStateTo(setState);
            }
        }

        given.RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(Fixture(fixture)));
        return this;
    }

    /// <summary>Bodies of the requests to one method, in order.</summary>
    public IReadOnlyList<string> Bodies(string method) =>
        Server.LogEntries.Where(entry => entry.RequestMessage.Path == MethodPath(method)).Select(entry => entry.RequestMessage.Body ?? "").ToList();

    /// <summary>Strictness: every request the code made was one the fake expected.</summary>
    public void AssertNoUnexpectedCalls() =>
        Assert.All(Server.LogEntries, entry => Assert.True(entry.RequestMatchResult?.IsPerfectMatch, $"Unexpected call {entry.RequestMessage.Method} {entry.RequestMessage.Path}"));

    public void Dispose() => Server.Dispose();
}
