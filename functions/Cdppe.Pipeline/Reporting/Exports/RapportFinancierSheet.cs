using System.Globalization;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// The report's financial table as a workbook: one row per line (mesure, objectif, fiche or action), the money planned
/// by funder, consumed before the year, in the year and over the period, what is left and the rate of consumption,
/// with a sub-total per engagement and the total as formulas (their values cached, so a reader without a calculation
/// engine sees them). Its headers are those of the rapport financier: dropped back, it is read as one.
/// </summary>
public static class RapportFinancierSheet
{
    public const string SheetName = "Rapport financier";

    /// <summary>Columns holding amounts: budget global, Département, FIR, État, ONDAM, then (after the modalité) consumed before, in the year, over the period.</summary>
    private static readonly string[] Summed = ["D", "E", "F", "G", "H", "J", "K", "L"];

    public static XlsxSheetSpec Build(AnnualReportModel model)
    {
        var year = model.Year;
        var span = string.Create(CultureInfo.InvariantCulture, $"{model.PeriodStart}-{year}");
        var rows = new List<IReadOnlyList<object?>>
        {
            new List<object?> { $"Rapport financier {year} de la contractualisation de prévention et protection de l'enfance — {model.DepartementName} ({model.Departement.Code})" },
            new List<object?> { "Mesure", "Objectif", "Fiche action N°", $"Financements prévus {span}", null, null, null, null, null, $"Budget consommé au 31/12/{year - 1}", $"Budget consommé en {year}", $"Budget consommé {span}", $"Solde non utilisé {span}", "Taux de consommation" },
            new List<object?> { null, null, null, "Budget global", "Département", "FIR", "Etat", "ONDAM", "Modalités de financement Etat/AM" },
        };
        var merges = new List<string> { "A1:N1", "A2:A3", "B2:B3", "C2:C3", "D2:I2", "J2:J3", "K2:K3", "L2:L3", "M2:M3", "N2:N3" };
        var subTotals = new List<int>();
        foreach (var engagement in model.Engagements)
        {
            rows.Add([engagement.Engagement]);
            merges.Add($"A{rows.Count}:N{rows.Count}");
            var first = rows.Count + 1;
            string? mesure = null;
            string? objectif = null;
            for (var i = 0; i < engagement.Lines.Count; i++)
            {
                var line = engagement.Lines[i];
                var lineObjectif = line.Objectif ?? engagement.Objectives.ElementAtOrDefault(i);
                var newMesure = line.Mesure != mesure;
                var newObjectif = newMesure || lineObjectif != objectif;
                mesure = line.Mesure;
                objectif = lineObjectif;
                var r = rows.Count + 1;
                rows.Add(
                [
                    newMesure ? line.Mesure : null, newObjectif ? lineObjectif : null, line.Fiche is { } f ? (object)new XlsxNumber(f, "0") : line.Action,
                    ExportCells.Euros(line.BudgetGlobal), ExportCells.Euros(line.Departement), ExportCells.Euros(line.Fir), ExportCells.Euros(line.Etat), ExportCells.Euros(line.Ondam),
                    line.Modalite,
                    ExportCells.Euros(line.ConsumedBefore), ExportCells.Euros(line.ConsumedInYear), ExportCells.Euros(line.ConsumedCumulative),
                    Left(r, line.BudgetGlobal - line.ConsumedCumulative), Rate(r, line.BudgetGlobal, line.ConsumedCumulative),
                ]);
            }

            var last = rows.Count;
            var s = last + 1;
            subTotals.Add(s);
            rows.Add(TotalRow("Sous-total", engagement.Totals, c => $"SUM({c}{first}:{c}{last})", s));
        }

        var t = rows.Count + 1;
        rows.Add(TotalRow("Total", model.Total, c => string.Join('+', subTotals.Select(r => $"{c}{r}")), t));
        return new XlsxSheetSpec(SheetName, rows, merges) { Widths = [30, 40, 12, 16, 16, 14, 14, 14, 16, 16, 16, 16, 16, 12] };
    }

    private static List<object?> TotalRow(string label, BudgetTotals totals, Func<string, string> formula, int r)
    {
        decimal[] values = [totals.BudgetGlobal, totals.Departement, totals.Fir, totals.Etat, totals.Ondam, totals.ConsumedBefore, totals.ConsumedInYear, totals.ConsumedCumulative];
        var row = new List<object?> { null, null, label };
        for (var i = 0; i < Summed.Length; i++)
        {
            if (i == 5)
            {
                row.Add(null);
            }

            row.Add(Sum(formula(Summed[i]), values[i]));
        }

        row.Add(Left(r, totals.BudgetGlobal - totals.ConsumedCumulative));
        row.Add(Rate(r, totals.BudgetGlobal, totals.ConsumedCumulative));
        return row;
    }

    private static XlsxFormula Sum(string formula, decimal cached) => new(formula, (double)cached) { Format = ExportCells.EuroFormat };

    private static XlsxFormula Left(int r, decimal cached) => new($"D{r}-L{r}", (double)cached) { Format = ExportCells.EuroFormat };

    private static XlsxFormula Rate(int r, decimal budget, decimal consumed) =>
        new($"IF(D{r}=0,\"\",L{r}/D{r})", budget == 0 ? string.Empty : (double)(consumed / budget)) { Format = ExportCells.PercentFormat };
}
