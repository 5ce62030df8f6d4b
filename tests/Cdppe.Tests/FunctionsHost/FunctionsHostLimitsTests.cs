using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// The upload limit through the host (100 MB accepted; above it the host fails the request itself, before the
/// app), and what the app answers for the paths and methods no function serves; what only the host answers is in
/// docs/reliability.md.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionsHostLimitsTests(FunctionsHostFixture fixture)
{
    private const long Limit = 100L * 1024 * 1024;

    [FunctionsHostFact]
    public async Task TheLargestAcceptedUploadCrossesTheHostAndAboveItTheHostRefusesTheRequest()
    {
        var dep = TestDepartements.Next().Code;
        using var host = fixture.Host.Client();
        using var largest = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/uploads/{dep}/gros.xlsx", UriKind.Relative)) { Content = new ZeroContent(Limit) };
        largest.Headers.Add("x-functions-key", FunctionsHostProcess.DefaultKey);

        var accepted = await host.SendAsync(largest);
        var refused = await AnnouncedAsync(fixture.Host.BaseAddress, $"/api/uploads/{dep}/trop-gros.xlsx", Limit + 1);

        var storage = await fixture.Azurite.StorageAsync();
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(Limit, (await storage.Uploads.GetBlobClient($"{dep}/gros.xlsx").GetPropertiesAsync()).Value.ContentLength);
        // The host's own answer (its body limit is the app's, 100 MB): an empty 500, the app never runs.
        Assert.StartsWith("HTTP/1.1 500", refused, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 0", refused, StringComparison.OrdinalIgnoreCase);
        Assert.False(await storage.Uploads.GetBlobClient($"{dep}/trop-gros.xlsx").ExistsAsync());
    }

    [FunctionsHostFact]
    public async Task UnknownPathsAndWrongMethodsAreTheAppsFrenchProblemsAsInTheStandaloneHost()
    {
        await using var standalone = await RunningApp.StartAsync(fixture.Azurite, apiKey: FunctionsHostFixture.PortalKey);
        using var host = fixture.Host.Client();
        var requests = new (HttpMethod Method, string Path, int Status, string Title, string? Allow)[]
        {
            (HttpMethod.Get, "/api/nulle-part", 404, "Introuvable", null),
            (HttpMethod.Get, "/api/portal/nulle/part", 404, "Introuvable", null),
            (HttpMethod.Delete, "/api/health", 405, "Méthode non autorisée", "GET, HEAD"),
            (HttpMethod.Patch, "/api/consolidations?departement=77", 405, "Méthode non autorisée", "GET, POST"),
            (HttpMethod.Post, "/IngestWorkbook", 405, "Méthode non autorisée", "GET"),
            (HttpMethod.Post, "/api/IngestWorkbook", 404, "Introuvable", null),
        };

        foreach (var (method, path, status, title, allow) in requests)
        {
            var throughHost = await ProblemAsync(host, method, path);
            var alone = await ProblemAsync(standalone.Client, method, path);

            Assert.Equal((status, title, allow), throughHost);
            Assert.Equal(alone, throughHost);
        }
    }

    private static async Task<(int Status, string? Title, string? Allow)> ProblemAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.HeaderContentType());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var allow = response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null;
        return ((int)response.StatusCode, problem.GetProperty("title").GetString(), allow);
    }

    /// <summary>Announces <paramref name="length"/> bytes and sends two: the answer must come before the body (raw socket: HttpClient would send it all).</summary>
    private static async Task<string> AnnouncedAsync(Uri host, string path, long length)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(host.Host, host.Port);
        var stream = socket.GetStream();
        var head = $"PUT {path} HTTP/1.1\r\nHost: {host.Authority}\r\nx-functions-key: {FunctionsHostProcess.DefaultKey}\r\nContent-Type: application/octet-stream\r\nContent-Length: {length}\r\n\r\nPK";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            // Until the head and a problem's closing brace arrived, or the other side closed.
            while (!(answer.ToString() is var text && text.Contains("\r\n\r\n", StringComparison.Ordinal) && (text.EndsWith('}') || text.EndsWith("0\r\n\r\n", StringComparison.Ordinal) || text.Contains("Content-Length: 0", StringComparison.OrdinalIgnoreCase))))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // What arrived before the time limit or the reset is the answer.
        }

        return answer.ToString();
    }
}
