using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Hosting.Logging;

/// <summary>
/// A JSON-lines log file for verbs run by a person: one object per line (time, level, category, event, message,
/// exception). Appends; created with the owner-only mode the state folder has, since log lines name clients.
/// </summary>
[ProviderAlias("File")]
internal sealed class JsonFileLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, FileLogger> _loggers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly string _path;
    private StreamWriter? _writer;
    private bool _broken;

    public JsonFileLoggerProvider(string path)
    {
        _path = path;
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new FileLogger(this, name));

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(string category, LogLevel level, EventId eventId, string message, Exception? exception)
    {
        lock (_gate)
        {
            if (_broken)
            {
                return;
            }

            try
            {
                _writer ??= Open();
                using var json = new Utf8JsonWriter(_writer.BaseStream);
                json.WriteStartObject();
                json.WriteString("time", DateTimeOffset.UtcNow);
                json.WriteString("level", level.ToString());
                json.WriteString("category", category);
                if (eventId.Name is { } name)
                {
                    json.WriteString("event", name);
                }

                json.WriteString("message", message);
                if (exception is not null)
                {
                    json.WriteString("exception", $"{exception.GetType().Name}: {exception.Message}");
                }

                json.WriteEndObject();
                json.Flush();
                _writer.BaseStream.WriteByte((byte)'\n');
                _writer.BaseStream.Flush();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A log file that cannot be written must not stop the verb; the console still has the warnings.
                _broken = true;
            }
        }
    }

    private StreamWriter Open()
    {
        if (Path.GetDirectoryName(Path.GetFullPath(_path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new StreamWriter(new FileStream(_path, options));
    }

    private sealed class FileLogger(JsonFileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, eventId, formatter(state, exception), exception);
            }
        }
    }
}
