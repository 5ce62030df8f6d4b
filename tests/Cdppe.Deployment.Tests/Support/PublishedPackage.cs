using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Cdppe.Deployment.Tests.Support;

/// <summary>Runs scripts/publish.sh once (its default: the output of <c>dotnet publish -c Release</c>) into a temporary folder and unpacks the zip.</summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    private string? folder;

    public string ZipPath { get; private set; } = string.Empty;

    /// <summary>The zip unpacked with System.IO.Compression (modes are read from the zip entries, not from here).</summary>
    public string Unpacked { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, ZipEntryInfo> Entries { get; private set; } = new Dictionary<string, ZipEntryInfo>();

    public TimeSpan PublishTime { get; private set; }

    public JsonObject HostJson => Json("host.json");

    public JsonObject WorkerConfig => Json("worker.config.json");

    public IReadOnlyList<FunctionMetadata> Functions => FunctionMetadata.Read(Unpacked);

    public JsonObject Json(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Unpacked, name)))!.AsObject();

    public async Task InitializeAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "cdppe-package-" + Guid.NewGuid().ToString("N"));
        var stopwatch = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("bash", [Repository.Path("scripts", "publish.sh"), "--output", folder], Repository.Root, TimeSpan.FromMinutes(8), new Dictionary<string, string>
        {
            // Leave no MSBuild node or compiler server behind once the test run ends.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["UseSharedCompilation"] = "false",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        });
        PublishTime = stopwatch.Elapsed;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/publish.sh failed: " + result.Describe());
        }

        ZipPath = Path.Combine(folder, "cdppe-functions.zip");
        Unpacked = Path.Combine(folder, "unpacked");
        await using (var zip = await ZipFile.OpenReadAsync(ZipPath))
        {
            Entries = zip.Entries.ToDictionary(e => e.FullName, e => new ZipEntryInfo(e.FullName, e.Length, (UnixFileMode)((e.ExternalAttributes >> 16) & 0x1FF)), StringComparer.Ordinal);
        }

        ZipFile.ExtractToDirectory(ZipPath, Unpacked);
    }

    public Task DisposeAsync()
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed record ZipEntryInfo(string Name, long Length, UnixFileMode Mode);
