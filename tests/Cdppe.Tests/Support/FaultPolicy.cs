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

    /// <summary>
    /// When set, a matching entity group transaction is answered as the service answers one it accepted (202) but
    /// whose operation failed with <see cref="Status"/> (500, 503, 409…): nothing of it was applied.
    /// </summary>
    public bool InTransaction { get; set; }

    /// <summary>Fail the next <paramref name="times"/> matching requests (int.MaxValue: until <see cref="Off"/>).</summary>
    public void Arm(Func<HttpMessage, bool> when, int status, int times = int.MaxValue, bool inTransaction = false)
    {
        When = when;
        Status = status;
        remaining = times;
        InTransaction = inTransaction;
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

            if (InTransaction)
            {
                message.Response = InjectedResponse.FailedTransaction(Status);
                return;
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

    /// <summary>An entity group transaction (<c>$batch</c>) with an operation in <paramref name="partition"/> (keyed, or an inserted entity).</summary>
    public static Func<HttpMessage, bool> BatchIn(string partition) => m =>
        m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Body(m) is var body
        && (body.Contains($"'{partition}'", StringComparison.Ordinal) || body.Contains($"\"PartitionKey\":\"{partition}\"", StringComparison.Ordinal));

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
    private sealed class InjectedResponse : Response
    {
        private readonly Dictionary<string, string> headers;

        public InjectedResponse(int status, bool isTable)
            : this(
                status,
                isTable ? "application/json;odata=minimalmetadata" : "application/xml",
                isTable
                    ? """{"odata.error":{"code":"InjectedFault","message":{"lang":"en-US","value":"Injected fault"}}}"""u8.ToArray()
                    : """<?xml version="1.0" encoding="utf-8"?><Error><Code>InjectedFault</Code><Message>Injected fault</Message></Error>"""u8.ToArray())
        {
        }

        private InjectedResponse(int status, string contentType, byte[] body)
        {
            Status = status;
            ContentStream = new MemoryStream(body);
            headers = new(StringComparer.OrdinalIgnoreCase)
            {
                ["x-ms-error-code"] = "InjectedFault",
                ["x-ms-request-id"] = Guid.NewGuid().ToString(),
                ["Content-Type"] = contentType,
            };
        }

        /// <summary>A 202 batch response whose one changeset response is the failure of its first operation with <paramref name="status"/>.</summary>
        public static InjectedResponse FailedTransaction(int status)
        {
            var batch = "batchresponse_" + Guid.NewGuid().ToString("D");
            var changeset = "changesetresponse_" + Guid.NewGuid().ToString("D");
            var body = string.Join(
                "\r\n",
                $"--{batch}",
                $"Content-Type: multipart/mixed; boundary={changeset}",
                string.Empty,
                $"--{changeset}",
                "Content-Type: application/http",
                "Content-Transfer-Encoding: binary",
                string.Empty,
                $"HTTP/1.1 {status} Injected fault",
                "X-Content-Type-Options: nosniff",
                "Cache-Control: no-cache",
                "DataServiceVersion: 3.0;",
                "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
                string.Empty,
                """{"odata.error":{"code":"InjectedFault","message":{"lang":"en-US","value":"0:Injected fault"}}}""",
                $"--{changeset}--",
                $"--{batch}--",
                string.Empty);
            return new InjectedResponse(202, $"multipart/mixed; boundary={batch}", System.Text.Encoding.UTF8.GetBytes(body));
        }

        public override int Status { get; }

        public override string ReasonPhrase => "Injected fault";

        public override Stream? ContentStream { get; set; }

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
