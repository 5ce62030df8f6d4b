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
    public async Task<IReadOnlyList<PackageFile>> FilesAsync(Departement departement, int year, CancellationToken cancellationToken)
    {
        Outcome<FileDownload>[] exports =
        [
            await tableauDeBord.ExportAsync(departement, year, cancellationToken),
            await rapportFinancier.ExportAsync(departement, year, cancellationToken),
            await annexe.ExportAsync(departement, year + 1, cancellationToken),
        ];
        return exports.Select(e => e.Value).OfType<FileDownload>().Select(f => new PackageFile(f.FileName, f.Content)).ToList();
    }
}
