using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Tests.Support;

/// <summary>
/// Commands run against a fresh sandbox portal (200 companies, seed 11, "now" in Moscow) with a temporary folder for
/// their state and report files: the setting every verb-level sandbox test shares.
/// </summary>
public abstract class SandboxCommandTests : IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), $"crmbridge-cmd-{Guid.NewGuid():N}");

    protected SandboxServer Sandbox { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        Sandbox = await SandboxServer.StartAsync(
            new SandboxOptions { Portal = SamplePortal.Generate(new SamplePortalSpec { Size = 200, Seed = 11, Now = now }) },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
