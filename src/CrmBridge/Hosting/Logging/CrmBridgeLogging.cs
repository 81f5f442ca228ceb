using CrmBridge.Crm.Retry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CrmBridge.Hosting.Logging;

/// <summary>
/// Where log lines go. The worker logs to the console (the container's log). A verb is run by a person: their console
/// shows what they asked for plus warnings and errors of CrmBridge itself; the HTTP stack's retry chatter (Polly,
/// HttpClient) goes only to the JSON log file (<c>Logging:File:Path</c>), never between a person's results.
/// </summary>
internal static class CrmBridgeLogging
{
    /// <summary>Categories of the HTTP stack: their retries are expected and handled, so they are noise on a console.</summary>
    private static readonly string[] HttpStack = ["System.Net.Http", "Microsoft.Extensions.Http"];

    public static ILoggingBuilder AddCrmBridgeLogging(this ILoggingBuilder logging, IConfiguration configuration, bool worker)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        foreach (var category in HttpStack)
        {
            logging.AddFilter<ConsoleLoggerProvider>(category, worker ? LogLevel.Warning : LogLevel.None);
            logging.AddFilter<JsonFileLoggerProvider>(category, LogLevel.Warning);
        }

        // Polly reports every handled attempt at Warning; CrmBridge's own retry lines (Crm.Retry) say the same in words,
        // each attempt at Debug into the file and the give-up once at Warning.
        logging.AddFilter<ConsoleLoggerProvider>("Polly", LogLevel.None);
        logging.AddFilter<JsonFileLoggerProvider>("Polly", LogLevel.None);
        logging.AddFilter<JsonFileLoggerProvider>(CrmRetryLog.Category, LogLevel.Debug);

        if (!worker)
        {
            logging.AddFilter<ConsoleLoggerProvider>("CrmBridge", LogLevel.Warning);
        }

        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        if (!worker)
        {
            // A person's stdout carries the results; log lines go to stderr so `> report.txt` stays clean.
            logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        if (configuration["Logging:File:Path"] is { Length: > 0 } path && !worker)
        {
            logging.AddProvider(new JsonFileLoggerProvider(path));
        }

        return logging;
    }
}
