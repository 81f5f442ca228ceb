namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>Vendor reply bodies copied from shared/samples (see Fixtures/Bitrix24).</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Bitrix24", name));
}
