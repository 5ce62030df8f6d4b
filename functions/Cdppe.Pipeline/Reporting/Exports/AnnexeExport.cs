using System.Globalization;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// Next year's Annexe 2.1 (<c>GET /api/exports/annexe-2-1/{year}</c> and the portal's Rapport page), started from the
/// département's annexe of <c>year - 1</c> (see <see cref="AnnexeSheets"/>).
/// </summary>
public sealed class AnnexeExport(IngestionStore ingestions, ObjectiveStore objectives)
{
    public static string FileName(Departement departement, int year) => string.Create(CultureInfo.InvariantCulture, $"annexe-2-1-{departement.Code}-{year}.xlsx");

    public async Task<Outcome<FileDownload>> ExportAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var head = await ingestions.HeadAsync(departement.Code, cancellationToken);
        var previous = await objectives.CurrentAsync(head, WorkbookKinds.Annexe21, Years.Label([year - 1, year]), cancellationToken);
        if (previous.Count == 0)
        {
            previous = await objectives.CurrentAsync(head, WorkbookKinds.Annexe21, Years.Label([year - 1]), cancellationToken);
        }

        return previous.Count == 0
            ? new(Refusal.NotFound, ExportMessages.NoAnnexe(departement, year))
            : new(new FileDownload(XlsxWriter.Write(AnnexeSheets.Build(departement, year, previous)), ExportCells.ContentType, FileName(departement, year)));
    }
}
