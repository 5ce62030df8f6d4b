using System.Text.Json;
using Azure;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// The portal's reads of storage, in one place: ingestion records and reports, the files they point to, the last
/// consolidation run, the snapshots of a year and the départements that dropped anything. Pages get everything
/// else through the services the API uses (the report model, the input templates).
/// </summary>
public sealed class PortalReader(CdppeStorage storage)
{
    /// <summary>Every ingestion record of a département, newest first.</summary>
    public async Task<IReadOnlyList<IngestionEntity>> IngestionsAsync(Departement departement, CancellationToken cancellationToken = default)
    {
        var records = new List<IngestionEntity>();
        await foreach (var e in storage.Table(TableNames.Ingestions).QueryAsync<IngestionEntity>(e => e.PartitionKey == departement.Code, cancellationToken: cancellationToken))
        {
            records.Add(e);
        }

        return records.OrderByDescending(r => r.ReceivedAt).ToList();
    }

    /// <summary>One ingestion record of a département (null when there is none: not yet ingested, or another département's).</summary>
    public async Task<IngestionEntity?> IngestionAsync(Departement departement, string id, CancellationToken cancellationToken = default)
    {
        if (!IsIngestionId(id))
        {
            return null;
        }

        var found = await storage.Table(TableNames.Ingestions).GetEntityIfExistsAsync<IngestionEntity>(departement.Code, id, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>The report written next to an ingestion (every problem with its cell).</summary>
    public async Task<IngestionReport?> ReportAsync(IngestionEntity record, CancellationToken cancellationToken = default)
    {
        var content = await DownloadAsync(record.ReportPath, cancellationToken);
        return content is null ? null : JsonSerializer.Deserialize<IngestionReport>(content, IngestionReport.JsonOptions);
    }

    /// <summary>The bytes of a blob named <c>{container}/{name}</c> as the ingestion records store paths, or null when absent.</summary>
    public async Task<byte[]?> DownloadAsync(string? path, CancellationToken cancellationToken = default)
    {
        var slash = path?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (path is null || slash <= 0 || !ContainerNames.All.Contains(path[..slash]))
        {
            return null;
        }

        try
        {
            var content = await storage.Blobs.GetBlobContainerClient(path[..slash]).GetBlobClient(path[(slash + 1)..]).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>End of the département's latest consolidation run (run keys sort newest first), or null when it never ran.</summary>
    public async Task<DateTimeOffset?> LastConsolidationAsync(Departement departement, CancellationToken cancellationToken = default)
    {
        await foreach (var run in storage.Table(TableNames.ConsolidationRuns).QueryAsync<ConsolidationRunEntity>(e => e.PartitionKey == departement.Code && e.RowKey.CompareTo("run|") >= 0 && e.RowKey.CompareTo("run|~") < 0, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return run.EndedAt;
        }

        return null;
    }

    /// <summary>The snapshots of every month of a year (one row per indicator and month).</summary>
    public async Task<IReadOnlyList<SnapshotEntity>> SnapshotsAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var low = new YearMonth(year, 1).ToString();
        var high = new YearMonth(year, 12).ToString() + "|~";
        var rows = new List<SnapshotEntity>();
        await foreach (var s in storage.Table(TableNames.Snapshots).QueryAsync<SnapshotEntity>(e => e.PartitionKey == departement.Code && e.RowKey.CompareTo(low) >= 0 && e.RowKey.CompareTo(high) < 0, cancellationToken: cancellationToken))
        {
            rows.Add(s);
        }

        return rows;
    }

    /// <summary>The indicators the département's plans define (codes, labels, targets).</summary>
    public async Task<IReadOnlyList<IndicatorDefinition>> IndicatorsAsync(Departement departement, CancellationToken cancellationToken = default)
    {
        var indicators = new List<IndicatorDefinition>();
        await foreach (var e in storage.Table(TableNames.Indicators).QueryAsync<IndicatorEntity>(e => e.PartitionKey == departement.Code, cancellationToken: cancellationToken))
        {
            indicators.Add(IndicatorMapping.FromEntity(e));
        }

        return indicators;
    }

    /// <summary>The départements that dropped at least one file (records of unreadable paths left out).</summary>
    public async Task<IReadOnlyList<Departement>> DepartementsAsync(CancellationToken cancellationToken = default)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var e in storage.Table(TableNames.Ingestions).QueryAsync<IngestionEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            codes.Add(e.PartitionKey);
        }

        return codes.Select(c => Departement.TryParse(c, out var d) ? d : null).OfType<Departement>().ToList();
    }

    /// <summary>Ingestion ids are SHA-256 in lower-case hex: anything else is not looked up.</summary>
    public static bool IsIngestionId(string? id) => id is { Length: 64 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
