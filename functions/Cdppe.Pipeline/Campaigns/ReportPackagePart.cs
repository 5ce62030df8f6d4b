using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>The rapport d'exécution of the year, rendered now with the département's template in force.</summary>
public sealed class ReportPackagePart(ReportDownloads reports) : IPackagePart
{
    public async Task AddToAsync(PackageContents package, CancellationToken cancellationToken)
    {
        if ((await reports.ReportAsync(package.Departement, package.Year, cancellationToken)).Value is { } report)
        {
            package.Add(new PackageFile(report.FileName, report.Content));
        }
    }
}
