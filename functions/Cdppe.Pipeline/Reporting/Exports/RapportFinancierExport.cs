using System.Globalization;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>The rapport financier of a year as .xlsx (<c>GET /api/exports/rapport-financier/{year}</c> and the portal's Rapport page): the report's financial table with its totals as formulas.</summary>
public sealed class RapportFinancierExport(AnnualReportService reports)
{
    public static string FileName(Departement departement, int year) => string.Create(CultureInfo.InvariantCulture, $"rapport-financier-{departement.Code}-{year}.xlsx");

    public async Task<Outcome<FileDownload>> ExportAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var model = await reports.LoadAsync(departement, year, cancellationToken);
        return model.HasFinancialData
            ? new(new FileDownload(XlsxWriter.Write([RapportFinancierSheet.Build(model)]), ExportCells.ContentType, FileName(departement, year)))
            : new(Refusal.NotFound, ExportMessages.NoFinancialData(departement, year));
    }
}
