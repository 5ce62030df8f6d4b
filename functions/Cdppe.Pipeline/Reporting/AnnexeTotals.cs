using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Sums of an engagement's lines, or of the whole annexe; recomputed, never read from the workbook. Département and
/// État are null when no line splits its total between them (a forecast, an annexe that gives totals only).
/// </summary>
public sealed record AnnexeTotals(decimal? Departement, decimal? Etat, decimal Total, decimal AutresMontant, decimal? Consumed, decimal? NextYearFunding = null)
{
    public decimal? NotConsumed => Consumed is { } c ? Math.Max(0, Total - c) : null;

    public decimal? Rate => Consumed is { } c && Total > 0 ? c / Total : null;

    public static AnnexeTotals Of(IReadOnlyCollection<AnnexeLineReport> lines, bool withExecution) => new(
        lines.Any(l => l.Departement is not null) ? lines.Sum(l => l.Departement ?? 0) : null,
        lines.Any(l => l.Etat is not null) ? lines.Sum(l => l.Etat ?? 0) : null,
        lines.Sum(l => l.Total ?? 0),
        lines.Sum(l => l.AutresMontant ?? 0),
        withExecution ? lines.Sum(l => l.Consumed ?? 0) : null,
        lines.Any(l => l.NextYearFunding is not null) ? lines.Sum(l => l.NextYearFunding ?? 0) : null);
}
