using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Every generated report kept with what it was made from (<see cref="ReportVersion"/>), so that the version that
/// was sent can be downloaded again byte for byte; also what a package of the campaign freezes.
/// </summary>
public sealed class ReportVersions(ReportVersionStore store, TimeProvider clock)
{
    public static string NotFoundMessage(string id) => $"La version « {id} » du rapport n'existe pas pour ce département et cette année.";

    /// <summary>A new id: the time (UTC, to the millisecond) and a random suffix, so that ids sort by time.</summary>
    public string NewId() => ReportTextStore.NewUploadId(clock.GetUtcNow());

    /// <summary>Keeps a generated report; returns its version.</summary>
    public async Task<ReportVersion> KeepAsync(ReportVersion version, byte[] content, CancellationToken cancellationToken = default)
    {
        await store.AddAsync(version, content, cancellationToken);
        return version;
    }

    /// <summary>The versions of the year, newest first.</summary>
    public async Task<IReadOnlyList<ReportVersion>> ListAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        (await store.ListAsync(departement.Code, year, cancellationToken)).Reverse().ToList();

    /// <summary>The newest version of the year, or null.</summary>
    public async Task<ReportVersion?> LatestAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        await store.ListAsync(departement.Code, year, cancellationToken) is { Count: > 0 } all ? all[^1] : null;

    public Task<ReportVersion?> FindAsync(Departement departement, int year, string id, CancellationToken cancellationToken = default) =>
        store.FindAsync(departement.Code, year, id, cancellationToken);

    public Task<byte[]> ReadAsync(ReportVersion version, CancellationToken cancellationToken = default) => store.ReadAsync(version, cancellationToken);

    /// <summary>A kept version as it was handed out, under its file name.</summary>
    public async Task<Outcome<FileDownload>> DownloadAsync(Departement departement, int year, string id, CancellationToken cancellationToken = default) =>
        await store.FindAsync(departement.Code, year, id, cancellationToken) is { } version
            ? new(new FileDownload(await store.ReadAsync(version, cancellationToken), AnnualReportService.DocxContentType, version.FileName))
            : new(Refusal.NotFound, NotFoundMessage(id));
}
