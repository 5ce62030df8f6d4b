using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Xunit.Abstractions;

namespace Cdppe.Tests.Reliability;

/// <summary>Issue 22, HTTP: HSTS over HTTPS only, malformed chunked framing, drops that announce much and send little.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpFramingTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Key = "test-key";

    // Case 9: no HSTS header. Over HTTPS (here: a TLS proxy in front, X-Forwarded-Proto) every answer has it;
    // over plain http none does (a browser would ignore it there anyway).
    [Fact]
    public async Task AnswersOverHttpsCarryHstsAndAnswersOverHttpDoNot()
    {
        await using var app = await RunningApp.StartAsync(azurite, apiKey: Key);

        async Task<string?> HstsAsync(string path, bool https)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (https)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
            }

            var response = await app.Client.SendAsync(request);
            return response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null;
        }

        Assert.Equal("max-age=31536000", await HstsAsync("/api/health", https: true));
        Assert.Equal("max-age=31536000", await HstsAsync("/connexion", https: true));
        Assert.Equal("max-age=31536000", await HstsAsync("/api/portal/session", https: true));
        Assert.Null(await HstsAsync("/api/health", https: false));
        Assert.Null(await HstsAsync("/connexion", https: false));
    }

    // Case 9: a chunk size that overflows answered 500.
    [Fact]
    public async Task AChunkSizeThatOverflowsIsAFrench400()
    {
        await using var app = await RunningApp.StartAsync(azurite, apiKey: Key);
        var host = app.Client.BaseAddress!;

        var upload = await RawAsync(host, $"PUT /api/uploads/77/debordement.xlsx HTTP/1.1\r\nHost: {host.Authority}\r\nx-functions-key: {Key}\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\nPK\r\n0\r\n\r\n");
        var signIn = await RawAsync(host, $"POST /api/portal/session HTTP/1.1\r\nHost: {host.Authority}\r\nX-Cdppe-Csrf: connexion\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000000000001\r\n{{}}\r\n0\r\n\r\n");

        foreach (var answer in new[] { upload, signIn })
        {
            Assert.StartsWith("HTTP/1.1 400 ", answer, StringComparison.Ordinal);
            Assert.Contains("\"title\":\"Requête invalide\"", answer, StringComparison.Ordinal);
        }

        Assert.False(await app.Storage.Uploads.GetBlobClient("77/debordement.xlsx").ExistsAsync());
    }

    // Case 9: the drop allocated the length announced before reading (twelve stalled 100 MB drops: OutOfMemory).
    [Fact]
    public async Task ADropReadsInBlocksWhateverItAnnouncesAndACutDropLeavesNothing()
    {
        var storage = await azurite.StorageAsync();
        var dep = TestDepartements.Next();
        using var signal = new UploadSignal();
        var drops = new WorkbookUploads(new Cdppe.Pipeline.Storage.UploadStore(storage), new Cdppe.Pipeline.Storage.IngestionStore(storage), signal);
        var workbook = SampleWorkbooks.RapportFinancier2022();
        var large = new byte[9 * 1024 * 1024];
        workbook.CopyTo(large, 0);

        var cut = new RecordingStream(workbook);
        var refused = await drops.DropAsync(dep, "coupe.xlsx", cut, 100L * 1024 * 1024, contentType: null);
        var whole = new RecordingStream(large);
        var receipt = (await drops.DropAsync(dep, "grand.xlsx", whole, large.Length, contentType: null)).Value!;

        Assert.InRange(cut.LargestRead, 1, 4 * 1024 * 1024);
        Assert.Equal($"Le fichier « coupe.xlsx » est arrivé incomplet ({workbook.Length} octets sur 104857600) : déposez-le à nouveau.", refused.Message);
        Assert.Equal(Refusal.Invalid, refused.Refused);
        Assert.False(await storage.Uploads.GetBlobClient($"{dep.Code}/coupe.xlsx").ExistsAsync());
        Assert.InRange(whole.LargestRead, 1, 4 * 1024 * 1024);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(large)), receipt.Id);
        Assert.Equal(large, (await storage.Uploads.GetBlobClient($"{dep.Code}/grand.xlsx").DownloadContentAsync()).Value.Content.ToArray());
    }

    // Case 9: twelve drops that announce 100 MB and stall hold a few blocks of memory, and the app goes on serving.
    [Fact]
    public async Task TwelveStalledHundredMegabyteDropsDoNotHoldTheirAnnouncedSize()
    {
        var dep = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: Key);
        var host = app.Client.BaseAddress!;
        using var client = new HttpClient { BaseAddress = host };
        using var signInRequest = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { cle = Key, perimetre = dep.Code }) };
        signInRequest.Headers.Add("X-Cdppe-Csrf", "connexion");
        var signIn = await client.SendAsync(signInRequest);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var csrf = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var stalled = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 12; i++)
            {
                var socket = new TcpClient();
                stalled.Add(socket);
                await socket.ConnectAsync(host.Host, host.Port);
                var head = $"POST /api/portal/drops?departement={dep.Code} HTTP/1.1\r\nHost: {host.Authority}\r\nCookie: {cookie}\r\nX-Cdppe-Csrf: {csrf}\r\nX-Cdppe-Fichier: bloque-{i}.xlsx\r\nContent-Type: application/octet-stream\r\nContent-Length: {100L * 1024 * 1024}\r\n\r\nPK\u0003\u0004";
                await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head));
            }

            // A real drop after them goes through the same checks and storage: by its answer the twelve are reading.
            using var drop = new HttpRequestMessage(HttpMethod.Post, $"/api/portal/drops?departement={dep.Code}") { Content = new ByteArrayContent(SampleWorkbooks.RapportFinancier2022()) };
            drop.Headers.Add("Cookie", cookie);
            drop.Headers.Add("X-Cdppe-Csrf", csrf);
            drop.Headers.Add("X-Cdppe-Fichier", "rapport-financier-2022.xlsx");
            var accepted = await client.SendAsync(drop);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            output.WriteLine($"Allocated while twelve drops of 100 MB stalled and one went through: {allocated / (1024 * 1024)} MB");

            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.True(allocated < 600L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated while twelve drops announced 1 200 MB");
        }
        finally
        {
            stalled.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Sends raw bytes on a new connection and reads the answer until the server closes it (30 s at most).</summary>
    private static async Task<string> RawAsync(Uri server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token);
    }

    /// <summary>Serves <paramref name="content"/>, then ends; remembers the largest buffer it was asked to fill.</summary>
    private sealed class RecordingStream(byte[] content) : Stream
    {
        private int position;

        public int LargestRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            LargestRead = Math.Max(LargestRead, buffer.Length);
            var n = Math.Min(buffer.Length, content.Length - position);
            content.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
