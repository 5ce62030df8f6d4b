using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table ReportVersions and container report-versions: every generated report of a département, kept byte for byte
/// (<c>report-versions/{dep}/{year}/{id}.docx</c>) with what it was made from (row key <c>{year}|{id}</c>, ids
/// sortable by time).
/// </summary>
public sealed class ReportVersionStore(CdppeStorage storage)
{
    private TableClient Table => storage.Table(TableNames.ReportVersions);

    /// <summary>Keeps the report's bytes, then its row (a row always has its blob).</summary>
    public async Task AddAsync(ReportVersion version, byte[] content, CancellationToken cancellationToken = default)
    {
        await storage.ReportVersions.GetBlobClient(BlobName(version.Departement, version.Year, version.Id)).UploadAsync(new BinaryData(content), overwrite: false, cancellationToken);
        await Table.AddEntityAsync(
            new ReportVersionEntity
            {
                PartitionKey = version.Departement,
                RowKey = $"{Key(version.Year)}|{version.Id}",
                Id = version.Id,
                Year = version.Year,
                CreatedAt = version.CreatedAt,
                FileName = version.FileName,
                Bytes = version.Bytes,
                Sha256 = version.Sha256,
                DataVersion = version.DataVersion,
                TextsVersion = version.TextsVersion,
                Template = version.Template,
                TemplateHash = version.TemplateHash,
                Places = JsonSerializer.Serialize(version.Places),
            },
            cancellationToken);
    }

    /// <summary>The versions of the year, oldest first.</summary>
    public async Task<IReadOnlyList<ReportVersion>> ListAsync(string departement, int year, CancellationToken cancellationToken = default) =>
        (await Table.PrefixAsync<ReportVersionEntity>(departement, Key(year) + "|", cancellationToken)).Select(e => ToRecord(departement, e)).ToList();

    public async Task<ReportVersion?> FindAsync(string departement, int year, string id, CancellationToken cancellationToken = default) =>
        await Table.FindAsync<ReportVersionEntity>(departement, $"{Key(year)}|{id}", cancellationToken) is { } e ? ToRecord(departement, e) : null;

    /// <summary>The bytes of a version, as they were handed out.</summary>
    public async Task<byte[]> ReadAsync(ReportVersion version, CancellationToken cancellationToken = default) =>
        (await storage.ReportVersions.GetBlobClient(BlobName(version.Departement, version.Year, version.Id)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    private static string BlobName(string departement, int year, string id) => $"{departement}/{Key(year)}/{id}.docx";

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static ReportVersion ToRecord(string departement, ReportVersionEntity e) =>
        new(e.Id, departement, e.Year, e.CreatedAt, e.FileName, e.Bytes, e.Sha256, e.DataVersion, e.TextsVersion, e.Template, e.TemplateHash, JsonSerializer.Deserialize<List<ReportPlace>>(e.Places) ?? []);
}
