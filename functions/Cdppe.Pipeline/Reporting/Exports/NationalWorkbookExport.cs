using System.Globalization;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// The State's national workbook of a year (<c>GET /api/exports/national/{year}</c> and the portal's National page,
/// national role): a « Synthèse » sheet with a row per département with data, and an « Indicateurs » sheet in long
/// format, an Excel table with its filters, ready for a pivot table.
/// </summary>
public sealed class NationalWorkbookExport(DepartementSummaries summaries)
{
    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"cdppe-national-{year}.xlsx");

    public async Task<Outcome<FileDownload>> ExportAsync(Actor actor, int year, CancellationToken cancellationToken = default)
    {
        if (actor.Role == ActorRole.Departement)
        {
            return new(Refusal.Forbidden, ExportMessages.NationalOnly);
        }

        var departements = await summaries.DepartementsAsync(cancellationToken);
        var read = new (DepartementSummary Summary, AnnualReportModel Model)[departements.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, departements.Count),
            new ParallelOptions { MaxDegreeOfParallelism = DepartementSummaries.ParallelReads, CancellationToken = cancellationToken },
            async (i, token) => read[i] = await summaries.ComputeAsync(departements[i], year, string.Empty, token));
        var withData = read.Where(r => r.Summary.HasData).OrderBy(r => r.Summary.Departement, StringComparer.Ordinal).ToList();
        if (withData.Count == 0)
        {
            return new(Refusal.NotFound, ExportMessages.NoNationalData(year));
        }

        var sheets = new[] { NationalWorkbookSheets.Synthese(year, withData.Select(r => r.Summary).ToList()), NationalWorkbookSheets.Indicateurs(year, withData.Select(r => r.Model).ToList()) };
        return new(new FileDownload(XlsxWriter.Write(sheets), ExportCells.ContentType, FileName(year)));
    }
}
