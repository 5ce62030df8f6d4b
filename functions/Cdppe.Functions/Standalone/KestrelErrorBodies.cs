using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Cdppe.Functions.Hosting;
using Microsoft.AspNetCore.Connections;

namespace Cdppe.Functions.Standalone;

/// <summary>
/// Kestrel refuses some requests before any middleware runs (request line too long: 414, headers too large: 431,
/// malformed: 400, headers too slow: 408...) and answers them with an empty body. This connection middleware
/// watches what Kestrel writes: such an answer (an error status, <c>Content-Length: 0</c>, <c>Connection:
/// close</c>, written in one piece by Kestrel) is replaced by the same status with the French problem of
/// <see cref="Problems"/>. Every other byte passes through untouched.
/// </summary>
public static class KestrelErrorBodies
{
    private static readonly byte[] StatusLineStart = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] CloseConnection = "\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    public static ConnectionDelegate Middleware(ConnectionDelegate next) => connection =>
    {
        connection.Transport = new Duplex(connection.Transport.Input, new Writer(connection.Transport.Output));
        return next(connection);
    };

    /// <summary>The replacement of <paramref name="head"/> when it is one of Kestrel's empty error answers, else null.</summary>
    public static byte[]? Replacement(ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith(StatusLineStart) || head.Length < StatusLineStart.Length + 3 || !head.EndsWith(EndOfHead)
            || head.IndexOf(EmptyBody) < 0 || head.IndexOf(CloseConnection) < 0
            || !int.TryParse(Encoding.ASCII.GetString(head.Slice(StatusLineStart.Length, 3)), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || status < 400)
        {
            return null;
        }

        var (title, detail) = Problems.Describe(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["title"] = title, ["status"] = status, ["detail"] = detail }, ProblemJson);
        // Kestrel's own lines (status, Connection, Date...) are kept; only the body and its two headers are new.
        var lines = Encoding.ASCII.GetString(head[..^EndOfHead.Length]).Split("\r\n").Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var text = string.Join("\r\n", lines) + $"\r\nContent-Type: {Problems.ContentType}; charset=utf-8\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(text), .. body];
    }

    private static readonly JsonSerializerOptions ProblemJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes every write through; looks only at writes that start with a status line.</summary>
    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> last;

        public override Memory<byte> GetMemory(int sizeHint = 0) => last = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            if (bytes > 0 && bytes <= last.Length && Replacement(last.Span[..bytes]) is { } replacement && replacement.Length <= last.Length)
            {
                replacement.CopyTo(last.Span);
                bytes = replacement.Length;
            }

            last = default;
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(Replacement(source.Span) ?? source, cancellationToken);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
