using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Support;

/// <summary>Captures every formatted log line (with exception text) so tests can assert on what an admin would read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(new SingleProviderFactory(this));

    public void Dispose()
    {
    }

    /// <summary>Fails when any captured line holds the secret or a part of it at least 6 characters long.</summary>
    public void AssertNoSecret(string secret)
    {
        foreach (var line in Lines)
        {
            Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            if (secret.Length >= 12)
            {
                // Half a token is still a leak.
                Assert.DoesNotContain(secret[..(secret.Length / 2)], line, StringComparison.Ordinal);
                Assert.DoesNotContain(secret[(secret.Length / 2)..], line, StringComparison.Ordinal);
            }
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }

    private sealed class SingleProviderFactory(ILoggerProvider provider) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
