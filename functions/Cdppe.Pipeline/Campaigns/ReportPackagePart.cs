using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>The rapport d'exécution of the year, rendered now with the département's template in force.</summary>
public sealed class ReportPackagePart(ReportDownloads reports) : IPackagePart
{
    public async Task<IReadOnlyList<PackageFile>> FilesAsync(Departement departement, int year, CancellationToken cancellationToken) =>
        (await reports.ReportAsync(departement, year, cancellationToken)).Value is { } report ? [new PackageFile(report.FileName, report.Content)] : [];
}
