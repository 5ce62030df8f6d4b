using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>The two sheets of the State's national workbook: numbers as numbers with French display formats, rates as percentages.</summary>
public static class NationalWorkbookSheets
{
    public const string SyntheseName = "Synthèse";

    public const string IndicateursName = "Indicateurs";

    /// <summary>The name of the Excel table of the « Indicateurs » sheet.</summary>
    public const string IndicateursTable = "Indicateurs";

    /// <summary>The statuses counted in the « Synthèse », in the order of its columns.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        [.. new[] { SnapshotStatus.Reached, SnapshotStatus.OnTrack, SnapshotStatus.Late, SnapshotStatus.Missing, SnapshotStatus.NoTarget }.Select(s => s.Label()), AnnualReportModel.UnreliableStatus];

    /// <summary>A row per département: kinds dropped, budget, consumed, % consommé, indicators by status, last consolidation.</summary>
    public static XlsxSheetSpec Synthese(int year, IReadOnlyList<DepartementSummary> departements)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new List<object?> { $"Contractualisation de prévention et de protection de l'enfance — synthèse nationale {year}" },
            new List<object?>
            {
                "Département", "Nom", "Classeurs déposés", "Période du budget", "Budget prévu", "Budget consommé", "% consommé",
            }.Concat(Statuses.Select(s => (object?)$"Indicateurs {s}")).Append("Dernière consolidation").ToList(),
        };
        foreach (var d in departements)
        {
            var row = new List<object?>
            {
                d.Departement,
                d.Name,
                string.Join(", ", d.KindsDropped.Select(WorkbookKinds.Label)),
                d.Period,
                ExportCells.Euros(d.BudgetGlobal),
                ExportCells.Euros(d.ConsumedCumulative),
                d.BudgetGlobal > 0 ? new XlsxNumber((double)(d.ConsumedCumulative / d.BudgetGlobal), ExportCells.PercentFormat) : null,
            };
            row.AddRange(Statuses.Select(s => (object?)new XlsxNumber(d.IndicatorsByStatus.GetValueOrDefault(s), ExportCells.CountFormat)));
            row.Add(d.LastConsolidation is { } at ? DateTime(at) : null);
            rows.Add(row);
        }

        var last = (char)('A' + 7 + Statuses.Count);
        return new XlsxSheetSpec(SyntheseName, rows, [$"A1:{last}1"])
        {
            Widths = [12, 24, 60, 12, 16, 16, 12, .. Statuses.Select(_ => 12d), 18],
        };
    }

    /// <summary>One row per indicator and département, in long format: département, engagement, objectif, code, libellé, cible, atteint, mois de la valeur, fiable.</summary>
    public static XlsxSheetSpec Indicateurs(int year, IReadOnlyList<AnnualReportModel> models)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new List<object?> { "Département", "Nom", "Engagement", "Objectif", "Code", "Libellé", $"Cible {year}", $"Atteint {year}", "Mois de la valeur", "Fiable", "Statut" },
        };
        foreach (var model in models)
        {
            foreach (var i in model.Indicators.OrderBy(i => i.Objectif ?? int.MaxValue).ThenBy(i => i.Code, StringComparer.Ordinal))
            {
                rows.Add(
                [
                    model.Departement.Code,
                    model.DepartementName,
                    NationalMesures.EngagementOf(i.Objectif),
                    i.Objectif is { } o ? new XlsxNumber(o, "0") : null,
                    i.Code,
                    i.Label,
                    ExportCells.Figure(i.Target),
                    ExportCells.Figure(i.AchievedInYear),
                    i.AchievedMonth is { } m ? new XlsxNumber(DayNumber(new DateOnly(m.Year, m.Month, 1)), "mmmm yyyy") : null,
                    i.AchievedInYear is null ? null : i.Reliable ? "oui" : "non",
                    i.Status,
                ]);
            }
        }

        return new XlsxSheetSpec(IndicateursName, rows)
        {
            Widths = [12, 24, 22, 10, 36, 70, 14, 14, 16, 8, 16],
            Table = new XlsxTable(IndicateursTable, $"A1:K{Math.Max(rows.Count, 2)}"),
        };
    }

    private static XlsxNumber DateTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Consolidation.ConsolidationPlanner.Paris).DateTime;
        return new XlsxNumber(DayNumber(DateOnly.FromDateTime(local)) + local.TimeOfDay.TotalDays, "dd/mm/yyyy hh:mm");
    }

    private static double DayNumber(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}
