using System.Text.RegularExpressions;
using CrmBridge.Foundation;
using CrmBridge.Hosting.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Hosting;

/// <summary>Builds the generic host: configuration layers, logging, the composition root, and start-up validation.</summary>
internal static partial class CrmBridgeHost
{
    public const string EnvironmentPrefix = "CRMBRIDGE_";

    /// <summary>Builds the host with configuration switches only (no <c>--config</c> file).</summary>
    /// <exception cref="ConfigurationException">A setting is missing or invalid.</exception>
    public static IHost Build(
        IReadOnlyList<string> configurationArgs,
        bool worker = false,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null,
        Action<ILoggingBuilder>? configureLogging = null) =>
        Build(new HostArguments(configurationArgs, ConfigFile: null), worker, overrides, configureServices, configureLogging);

    /// <summary>
    /// Builds and validates the host. Configuration: config/appsettings.json, then the <c>--config</c> file, then
    /// CRMBRIDGE_* environment variables, then <paramref name="overrides"/> (tests, demo), then the command line.
    /// </summary>
    /// <exception cref="ConfigurationException">A setting is missing or invalid, or the --config file is unusable.</exception>
    public static IHost Build(
        HostArguments arguments,
        bool worker = false,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null,
        Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        builder.Configuration.AddJsonFile(FindConfigFile(), optional: true, reloadOnChange: false);
        if (arguments.ConfigFile is { } extra)
        {
            builder.Configuration.AddJsonStream(ExtraConfigFile.Open(extra));
        }

        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Configuration.AddCommandLine([.. arguments.Switches]);

        builder.Logging.AddCrmBridgeLogging(builder.Configuration, worker);
        configureLogging?.Invoke(builder.Logging);

        builder.AddCrmBridge(worker);
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        Validate(host.Services);
        return host;
    }

    /// <summary>Runs every options validator now, so a bad setting stops start-up with one line per problem.</summary>
    private static void Validate(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, ex.Failures)) { Problems = [.. ex.Failures] };
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
            throw new ConfigurationException(string.Join(Environment.NewLine, failures)) { Problems = failures };
        }
        catch (InvalidOperationException ex) when (BindingFailure().Match(ex.Message) is { Success: true } match)
        {
            // The binder's own text is long and type-centric; say which key and what was expected.
            var problem = $"{match.Groups["key"].Value}: '{match.Groups["value"].Value}' is not a valid {FriendlyType(match.Groups["type"].Value)}";
            throw new ConfigurationException(problem, ex) { Problems = [problem] };
        }
    }

    private static string FriendlyType(string clrType) => clrType switch
    {
        "System.Int32" or "System.Int64" => "whole number",
        "System.Boolean" => "true/false value",
        "System.TimeSpan" => "time span (d.hh:mm:ss)",
        "System.Decimal" or "System.Double" => "number",
        _ when clrType.Contains(nameof(ChatAddress), StringComparison.Ordinal) => "chat: a numeric chat id or a public channel's @name",
        _ => clrType,
    };

    private static string FindConfigFile()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "config", "appsettings.json");
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json");
    }

    [GeneratedRegex("Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BindingFailure();
}
