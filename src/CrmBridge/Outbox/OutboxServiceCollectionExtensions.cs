using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Outbox;

internal static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The dispatcher (a singleton: one pass at a time, crash recovery once per process) and its options
    /// (Outbox:MaxAttempts, Outbox:RetryBaseDelay, Outbox:RetryMaxDelay; DryRun from the root).
    /// The outbox store itself (IOutbox, IOutboxStore) and AuditLog come from AddStorage.
    /// Executors register themselves as IActionExecutor.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.AddOptions<RunOptions>().Bind(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxDispatcher>();
        return services;
    }
}
