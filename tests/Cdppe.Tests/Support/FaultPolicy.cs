using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Cdppe.Tests.Support;

/// <summary>
/// Injects storage faults at the HTTP transport of the Azure SDK (below its retry policy, so retries and error
/// classification run as in production): a status code or a dropped connection for the requests a predicate
/// selects, a number of times or until switched off.
/// </summary>
public sealed class FaultPolicy : HttpPipelineTransport
{
    private readonly HttpPipelineTransport inner = new HttpClientTransport();

    private int remaining;

    public Func<HttpMessage, bool> When { get; set; } = _ => false;

    /// <summary>Status to answer (e.g. 500, 503, 409, 412), or 0 for a timeout.</summary>
    public int Status { get; set; } = 500;

    public int Injected { get; private set; }

    /// <summary>Fail the next <paramref name="times"/> matching requests (int.MaxValue: until <see cref="Off"/>).</summary>
    public void Arm(Func<HttpMessage, bool> when, int status, int times = int.MaxValue)
    {
        When = when;
        Status = status;
        remaining = times;
    }

    public void Off() => remaining = 0;

    public override Request CreateRequest() => inner.CreateRequest();

    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        if (remaining > 0 && When(message))
        {
            remaining--;
            Injected++;
            if (Status == 0)
            {
                throw new IOException("Injected dropped connection (timeout).");
            }

            message.Response = new InjectedResponse(Status, isTable: message.Request.Uri.Path.Contains("$batch", StringComparison.Ordinal) || message.Request.Uri.Path.Contains('(', StringComparison.Ordinal) || message.Request.Uri.Path.EndsWith("Tables", StringComparison.Ordinal));
            return;
        }

        await inner.ProcessAsync(message);
    }

    /// <summary>A request for a table or container whose name contains <paramref name="name"/>, with a method among <paramref name="methods"/>.</summary>
    public static Func<HttpMessage, bool> Request(string name, params string[] methods) => m =>
        m.Request.Uri.Path.Contains(name, StringComparison.OrdinalIgnoreCase)
        && (methods.Length == 0 || methods.Contains(m.Request.Method.Method, StringComparer.OrdinalIgnoreCase));

    /// <summary>An entity group transaction (<c>$batch</c>) with an operation on <paramref name="table"/> (in <paramref name="partition"/>, when given).</summary>
    public static Func<HttpMessage, bool> Batch(string table, string? partition = null) => m =>
        m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Body(m) is var body
        && body.Contains($"/{table}(", StringComparison.Ordinal) && (partition is null || body.Contains($"'{partition}'", StringComparison.Ordinal));

    private static string Body(HttpMessage message)
    {
        if (message.Request.Content is null)
        {
            return string.Empty;
        }

        using var buffer = new MemoryStream();
        message.Request.Content.WriteTo(buffer, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An error response shaped like the service's own (XML for blobs, JSON for tables).</summary>
    private sealed class InjectedResponse(int status, bool isTable) : Response
    {
        private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["x-ms-error-code"] = "InjectedFault",
            ["x-ms-request-id"] = Guid.NewGuid().ToString(),
            ["Content-Type"] = isTable ? "application/json;odata=minimalmetadata" : "application/xml",
        };

        public override int Status { get; } = status;

        public override string ReasonPhrase => "Injected fault";

        public override Stream? ContentStream { get; set; } = new MemoryStream(isTable
            ? """{"odata.error":{"code":"InjectedFault","message":{"lang":"en-US","value":"Injected fault"}}}"""u8.ToArray()
            : """<?xml version="1.0" encoding="utf-8"?><Error><Code>InjectedFault</Code><Message>Injected fault</Message></Error>"""u8.ToArray());

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = headers.TryGetValue(name, out var value) ? [value] : null;
            return values is not null;
        }
    }
}
