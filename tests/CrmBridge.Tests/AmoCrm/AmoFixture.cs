namespace CrmBridge.Tests.AmoCrm;

/// <summary>Response files under Fixtures/AmoCrm, and the tokens they hold.</summary>
internal static class AmoFixture
{
    public const string FirstAccess = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.first-access.c2lnbmF0dXJl";
    public const string FirstRefresh = "def50200first-refresh-3f1a9c";
    public const string SecondAccess = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.second-access.c2lnbmF0dXJl";
    public const string SecondRefresh = "def50200second-refresh-77b0e2";
    public const string ThirdAccess = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.third-access.c2lnbmF0dXJl";
    public const string ThirdRefresh = "def50200third-refresh-0c44d1";
    public const string LongLivedToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.long-lived.c2lnbmF0dXJl";
    public const string ClientSecret = "s3cr3t-client-AbCdEf0123456789";
    public const string AuthCode = "def50200auth-code-9e8d7c";

    public static IReadOnlyList<string> Secrets { get; } =
        [FirstAccess, FirstRefresh, SecondAccess, SecondRefresh, ThirdAccess, ThirdRefresh, LongLivedToken, ClientSecret, AuthCode];

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "AmoCrm", name));
}
