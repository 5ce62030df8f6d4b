using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// The State's workbooks of the year, filled from the data now: the tableau de bord SNPPE, the rapport financier
/// and, for an avenant, the Annexe 2.1 of the next year; a workbook the data cannot give (no annexe, no rapport
/// financier for the year) is not in the package.
/// </summary>
public sealed class WorkbooksPackagePart(TableauDeBordExport tableauDeBord, RapportFinancierExport rapportFinancier, AnnexeExport annexe) : IPackagePart
{
    public async Task AddToAsync(PackageContents package, CancellationToken cancellationToken)
    {
        Outcome<FileDownload>[] exports =
        [
            await tableauDeBord.ExportAsync(package.Departement, package.Year, cancellationToken),
            await rapportFinancier.ExportAsync(package.Departement, package.Year, cancellationToken),
            await annexe.ExportAsync(package.Departement, package.Year + 1, cancellationToken),
        ];
        foreach (var file in exports.Select(e => e.Value).OfType<FileDownload>())
        {
            package.Add(new PackageFile(file.FileName, file.Content));
        }
    }
}
