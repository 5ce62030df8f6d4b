using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cdppe.Tests.Functions;

/// <summary>A logger provider that keeps every message with the properties of its scopes, as Application Insights' provider reads them.</summary>
public sealed class ScopedLogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, string Message, IReadOnlyDictionary<string, object?> Properties)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopedLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>();
            owner.scopes.ForEachScope(
                (scope, bag) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            bag[key] = value;
                        }
                    }
                },
                properties);
            owner.Entries.Enqueue((category, formatter(state, exception), properties));
        }
    }
}
