using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The Store (one LiteDB file from Storage:Path, opened on first use) and its repositories, the audit log and the
    /// outbox store, all as singletons.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var store = CrmStore.Open(options.Path, provider.GetRequiredService<TimeProvider>(), options.Password);
            var logger = provider.GetRequiredService<ILogger<CrmStore>>();
            if (store.CompactedBytes > 0 && logger.IsEnabled(LogLevel.Information))
            {
                var steps = string.Join("; ", store.AppliedMigrations.Select(m => m.Description));
                StorageLog.Upgraded(logger, options.Path, store.SchemaVersion, steps, store.CompactedBytes);
            }

            return store;
        });
        if (SecretInFile(configuration, $"{StorageOptions.Section}:{nameof(StorageOptions.Password)}") is { } file)
        {
            services.AddSingleton<IValidateOptions<StorageOptions>>(new StoragePasswordInFile(file));
        }
        services.TryAddSingleton<ICrmStore>(provider => provider.GetRequiredService<CrmStore>());
        services.TryAddSingleton(provider => provider.GetRequiredService<ICrmStore>().Companies);
        services.TryAddSingleton(provider => provider.GetRequiredService<ICrmStore>().Checkpoints);
        services.TryAddSingleton(provider => provider.GetRequiredService<ICrmStore>().Values);
        services.TryAddSingleton(provider => provider.GetRequiredService<ICrmStore>().Enrichment);
        services.TryAddSingleton(provider => provider.GetRequiredService<ICrmStore>().Audit);
        services.TryAddSingleton(provider => provider.GetRequiredService<CrmStore>().Outbox);
        services.TryAddSingleton<IOutbox>(provider => provider.GetRequiredService<IOutboxStore>());
        return services;
    }

    /// <summary>The settings file that holds <paramref name="key"/>, when one does: secrets come from the environment only.</summary>
    private static string? SecretInFile(IConfiguration configuration, string key) =>
        (configuration as IConfigurationRoot)?.Providers
            .OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>()
            .FirstOrDefault(p => p.TryGet(key, out var value) && !string.IsNullOrEmpty(value))?.Source.Path;
}
