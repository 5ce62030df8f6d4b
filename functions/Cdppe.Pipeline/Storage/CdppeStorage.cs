using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The storage contract of the design: one account, reached through the <c>AzureWebJobsStorage</c> connection
/// (a connection string such as <c>UseDevelopmentStorage=true</c> locally, or identity-based
/// <c>AzureWebJobsStorage__accountName</c> in Azure), its containers and its tables, partitioned by département.
/// The clients are internal: only the stores of this folder reach a container or a table, and hand out domain records.
/// </summary>
public sealed class CdppeStorage
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public CdppeStorage(BlobServiceClient blobs, TableServiceClient tables)
    {
        Blobs = blobs;
        Tables = tables;
    }

    internal BlobServiceClient Blobs { get; }

    internal TableServiceClient Tables { get; }

    internal BlobContainerClient Uploads => Blobs.GetBlobContainerClient(ContainerNames.Uploads);

    internal BlobContainerClient Archive => Blobs.GetBlobContainerClient(ContainerNames.Archive);

    internal BlobContainerClient Rejected => Blobs.GetBlobContainerClient(ContainerNames.Rejected);

    internal BlobContainerClient IngestionReports => Blobs.GetBlobContainerClient(ContainerNames.IngestionReports);

    internal BlobContainerClient Templates => Blobs.GetBlobContainerClient(ContainerNames.Templates);

    internal BlobContainerClient Reports => Blobs.GetBlobContainerClient(ContainerNames.Reports);

    internal BlobContainerClient Locks => Blobs.GetBlobContainerClient(ContainerNames.Locks);

    internal BlobContainerClient ReportTexts => Blobs.GetBlobContainerClient(ContainerNames.ReportTexts);

    internal BlobContainerClient ReportVersions => Blobs.GetBlobContainerClient(ContainerNames.ReportVersions);
    internal BlobContainerClient Packages => Blobs.GetBlobContainerClient(ContainerNames.Packages);

    /// <summary>A table's client: for the stores of this folder only, which own each table's keys and queries.</summary>
    internal TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>Builds the clients from configuration, the same way the Functions host resolves a connection.</summary>
    public static CdppeStorage FromConfiguration(IConfiguration configuration, string connectionName = ConnectionName)
    {
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        UseRetryPolicy(blobOptions);
        UseRetryPolicy(tableOptions);

        var connectionString = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new CdppeStorage(new BlobServiceClient(connectionString, blobOptions), new TableServiceClient(connectionString, tableOptions));
        }

        var section = configuration.GetSection(connectionName);
        var account = section["accountName"];
        var blobUri = section["blobServiceUri"] ?? (account is null ? null : $"https://{account}.blob.core.windows.net");
        var tableUri = section["tableServiceUri"] ?? (account is null ? null : $"https://{account}.table.core.windows.net");
        if (blobUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{connectionName}' (for example UseDevelopmentStorage=true) or '{connectionName}__accountName' for an identity-based connection.");
        }

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new CdppeStorage(new BlobServiceClient(new Uri(blobUri), credential, blobOptions), new TableServiceClient(new Uri(tableUri), credential, tableOptions));
    }

    /// <summary>The first wait of <see cref="UseRetryPolicy"/>; each retry waits about twice the previous one.</summary>
    public static TimeSpan RetryDelay { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The retry policy of every client, set here only: the Azure SDK's own (Azure.Core <c>RetryPolicy</c>), which
    /// retries a request answered 408, 429, 500, 502, 503 or 504, or whose connection dropped, with exponential
    /// backoff and jitter (each wait drawn around <paramref name="delay"/> × 2^attempt, at most 30 s), as Azure
    /// Storage asks of a client it throttles (503 Server Busy, 500 Operation Timeout). An entity group transaction is
    /// one request: retried whole. A 4xx other than 408 and 429 is not retried. <see cref="TableBatches"/> adds the
    /// one case the SDK cannot see, a transaction accepted (202) whose operation failed with 500 or 503.
    /// </summary>
    public static void UseRetryPolicy(ClientOptions options, TimeSpan? delay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = delay ?? RetryDelay;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
    }

    /// <summary>Creates every container and table of the contract (idempotent).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in ContainerNames.All)
        {
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in TableNames.All)
        {
            await Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
