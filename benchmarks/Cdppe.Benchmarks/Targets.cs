using System.Globalization;
using System.Text;

namespace Cdppe.Benchmarks;

/// <summary>The targets of the issues, checked against the measurements, with the gap when one is missed.</summary>
public static class Targets
{
    public static string Render(IReadOnlyList<MeasurementResult> results)
    {
        var culture = CultureInfo.InvariantCulture;
        var page = new StringBuilder();
        page.AppendLine("## Targets");
        page.AppendLine();
        page.AppendLine("| target | measured | verdict |");
        page.AppendLine("|---|---|---|");
        var edr = results.FirstOrDefault(r => r.Name.StartsWith("ExcelDataReader", StringComparison.Ordinal) && r.Name.Contains("100000", StringComparison.Ordinal));
        var ours = results.FirstOrDefault(r => r.Name.StartsWith("Cdppe XlsxWorkbook", StringComparison.Ordinal) && r.Name.Contains("100000", StringComparison.Ordinal));
        if (edr is not null && ours is not null)
        {
            var speedup = edr.MedianMs / ours.MedianMs;
            page.AppendLine(string.Create(culture, $"| reading ≥ 2× ExcelDataReader's throughput (100 000-row suivi-mensuel, rows only) | {speedup:0.00}× | {(speedup >= 2 ? "met" : $"missed by {2 / speedup:0.00}×")} |"));
        }

        var small = results.FirstOrDefault(r => r.Name.StartsWith("Cdppe XlsxWorkbook", StringComparison.Ordinal) && r.Name.Contains("10000-", StringComparison.Ordinal));
        if (small is not null && ours is not null)
        {
            page.AppendLine(string.Create(culture, $"| memory flat in the number of rows (peak of the reading process, 10 000 → 100 000 rows) | {small.PeakWorkingSetMb:N0} MB → {ours.PeakWorkingSetMb:N0} MB | {(ours.PeakWorkingSetMb < small.PeakWorkingSetMb * 1.5 ? "met" : "not flat")} |"));
        }

        var national = results.FirstOrDefault(r => r.Name.StartsWith("National consolidation in memory", StringComparison.Ordinal));
        if (national is not null)
        {
            page.AppendLine(string.Create(culture, $"| national consolidation in memory < 10 s on 2 cores | {national.MedianMs / 1000:N2} s | {(national.MedianMs < 10_000 ? "met" : "missed")} |"));
        }

        return page.ToString();
    }
}
