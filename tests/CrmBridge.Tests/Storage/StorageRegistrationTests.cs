using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempDatabase file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task The_store_opens_at_the_configured_path_and_the_outbox_runs_through_it()
    {
        using var provider = Build(new() { ["Storage:Path"] = file.Path, ["DryRun"] = "true" });

        var outbox = provider.GetRequiredService<IOutbox>();
        Assert.True(outbox.Enqueue(new PlannedAction(ActionKinds.CrmComment, "k", new CompanyCommentPayload(TestRecords.Ref("1"), "t"), "s")));
        var summary = await provider.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        Assert.True(File.Exists(file.Path));
        Assert.Equal(1, summary.DryRun);
        Assert.Same(provider.GetRequiredService<ICrmStore>().Companies, provider.GetRequiredService<ICompanyRepository>());
        Assert.Equal(AuditOutcomes.DryRun, Assert.Single(provider.GetRequiredService<AuditLog>().Recent(10)).Outcome);
    }

    [Fact]
    public void A_bad_setting_stops_start_up_with_its_message()
    {
        using var provider = Build(new() { ["Storage:Path"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Path: is empty; give the LiteDB file, e.g. data/crmbridge.db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outbox_settings_are_validated_at_start()
    {
        using var provider = Build(new() { ["Storage:Path"] = ":memory:", ["Outbox:MaxAttempts"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Outbox:MaxAttempts: must be at least 1, got 0", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders())
            .AddStorage(configuration)
            .AddOutbox(configuration)
            .BuildServiceProvider();
    }
}
