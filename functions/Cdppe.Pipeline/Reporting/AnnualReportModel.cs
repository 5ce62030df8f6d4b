using System.Globalization;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>Everything the annual report shows, computed from storage; totals and percentages are recomputed, never copied.</summary>
public sealed record AnnualReportModel
{
    public required Departement Departement { get; init; }

    public required string DepartementName { get; init; }

    public required int Year { get; init; }

    /// <summary>First year of the contract period (2020 for the 2020-2022 contract).</summary>
    public required int PeriodStart { get; init; }

    public required DateOnly GeneratedOn { get; init; }

    public IReadOnlyList<EngagementBudget> Engagements { get; init; } = [];

    public required BudgetTotals Total { get; init; }

    public IReadOnlyList<FicheReport> Fiches { get; init; } = [];

    public IReadOnlyList<IndicatorReport> Indicators { get; init; } = [];

    public required DataQuality Quality { get; init; }

    /// <summary>The optional objectives (12-26) the département retained, as its bilans workbook states them; null when unknown.</summary>
    public IReadOnlyList<int>? RetainedObjectives { get; init; }

    /// <summary>Fiches attached to an optional objective the département did not retain (fiche 39: objective 14).</summary>
    public IReadOnlyList<FicheReport> FichesOutsideRetained => RetainedObjectives is { } retained
        ? Fiches.Where(f => f.Objectifs.Any(o => o >= 12 && !retained.Contains(o))).ToList()
        : [];

    /// <summary>Printed sub-totals and totals that differ from the sum of their lines.</summary>
    public IReadOnlyList<PrintedTotal> PrintedTotals { get; init; } = [];

    /// <summary>The contract in force and, in an avenant year, the financial part by objective and action.</summary>
    public required ContractPeriodReport Period { get; init; }

    public bool HasFinancialData => Engagements.Count > 0;

    public static AnnualReportModel Build(ReportInputs inputs)
    {
        var year = inputs.Year;
        var ordered = inputs.BudgetLines.OrderBy(l => l.Order).ToList();
        var definitions = inputs.Fiches.GroupBy(f => f.Numero).ToDictionary(g => g.Key, g => g.First());
        var engagements = ordered.GroupBy(l => l.Engagement)
            .Select(g => new EngagementBudget(g.Key, g.ToList(), BudgetTotals.Of(g)) { Objectives = g.Select(l => LineObjective(l, definitions)).ToList() })
            .ToList();
        var indicators = IndicatorReportBuilder.Build(inputs);
        var fiches = FicheReportBuilder.Build(inputs, indicators);
        var periodStart = inputs.Period.InForce?.FirstYear ?? inputs.Indicators.SelectMany(i => i.Targets.Keys).Where(y => y <= year && y > year - 6).DefaultIfEmpty(year - 2).Min();
        var period = ContractPeriodReport.Build(inputs, periodStart);
        var retained = inputs.Bilans.Where(b => b.Year == year).SelectMany(b => b.ObjectifsRetenus).Distinct().Order().ToList();
        if (retained.Count == 0 && period.Annexe is { } annexe)
        {
            // In an avenant year, the optional objectives the département retained are those its annexe 2.1 plans.
            retained = annexe.Engagements.SelectMany(e => e.Lines).Select(l => l.Objectif).OfType<int>().Where(o => o >= 12).Distinct().Order().ToList();
        }

        return new AnnualReportModel
        {
            RetainedObjectives = retained.Count > 0 ? retained : null,
            Departement = inputs.Departement,
            DepartementName = ReferenceData.DepartementName(inputs.Departement),
            Year = year,
            PeriodStart = periodStart,
            GeneratedOn = inputs.GeneratedOn,
            Engagements = engagements,
            Total = BudgetTotals.Of(ordered),
            Fiches = fiches,
            Indicators = indicators,
            Quality = DataQualityBuilder.Build(inputs, fiches, retained, period.Checks),
            PrintedTotals = PrintedTotalsOf(inputs.Warnings),
            Period = period,
        };
    }

    /// <summary>
    /// A line's objective from the plan d'action (the source's merged objective cells may run several objectives
    /// together: fiche 6 of seed 003); a line without fiche, or a fiche the plan does not define, keeps its own text.
    /// </summary>
    private static string? LineObjective(BudgetLine line, Dictionary<int, FicheDefinition> definitions) =>
        line.Fiche is { } n && definitions.TryGetValue(n, out var d)
            ? d.Objectif is { } o ? ReferenceData.ObjectiveLabel(o) ?? line.Objectif : "Sans objectif"
            : line.Objectif;

    /// <summary>The amount columns of the rapport financier (<see cref="BudgetLine"/> properties) by their name in the template data.</summary>
    private static readonly Dictionary<string, string> TotalColumns = new(StringComparer.Ordinal)
    {
        [nameof(BudgetLine.BudgetGlobal)] = "budgetGlobal",
        [nameof(BudgetLine.Departement)] = "departement",
        [nameof(BudgetLine.Fir)] = "fir",
        [nameof(BudgetLine.Etat)] = "etat",
        [nameof(BudgetLine.Ondam)] = "ondam",
        [nameof(BudgetLine.ConsumedBefore)] = "consommeAvant",
        [nameof(BudgetLine.ConsumedInYear)] = "consommeAnnee",
        [nameof(BudgetLine.ConsumedCumulative)] = "consommeCumule",
    };

    /// <summary>The rapport financier's checks of its printed totals, from the structured fields of their warnings.</summary>
    private static List<PrintedTotal> PrintedTotalsOf(IEnumerable<SourceWarning> warnings) =>
        warnings
            .Where(w => w.Code == IngestionMessages.TotalMismatchCode && w.Kind == RapportFinancierParser.KindName)
            .Select(w => TotalColumns.TryGetValue(w.Column ?? string.Empty, out var column) && w.Seen is { } printed && w.Expected is { } sum
                ? new PrintedTotal(w.Engagement, column, printed, sum, w.Sheet, w.Cell)
                : null)
            .OfType<PrintedTotal>()
            .ToList();

    /// <summary>
    /// Status "non fiable": the year's latest value was declared unreliable. The value shown is then the last reliable
    /// one, with its own month (data stopped at 30 June 2022 is shown as June's), never a later month's.
    /// </summary>
    public const string UnreliableStatus = "non fiable";

    /// <summary>"13", "13 et 15", "13, 15 et 16".</summary>
    public static string ListPhrase(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " et " + items[^1];

    internal static string MonthName(YearMonth m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM", FrenchFormat.Culture);

    /// <summary>"octobre 2022", "janvier à mars 2022", "mars et octobre 2022", "janvier, mars et octobre 2022".</summary>
    public static string MonthsPhrase(IReadOnlyList<YearMonth> months)
    {
        if (months.Count == 0)
        {
            return string.Empty;
        }

        var year = " " + months[^1].Year.ToString(CultureInfo.InvariantCulture);
        var consecutive = months.Zip(months.Skip(1)).All(p => p.First.Next() == p.Second);
        return months.Count switch
        {
            1 => MonthName(months[0]) + year,
            _ when consecutive && months.Count > 2 => $"{MonthName(months[0])} à {MonthName(months[^1])}{year}",
            _ => string.Join(", ", months.Take(months.Count - 1).Select(MonthName)) + " et " + MonthName(months[^1]) + year,
        };
    }

    /// <summary>A figure as printed: its text, a rate as "2,9 %", a count as "6 322".</summary>
    public static string? FigureText(IndicatorFigure? figure) => figure switch
    {
        null => null,
        { Text: { Length: > 0 } text } when figure.Value is null => text,
        { Value: { } v, IsPercent: true } => FrenchFormat.Percent(v, v * 100 == decimal.Truncate(v * 100) ? 0 : 1),
        { Value: { } v } => FrenchFormat.Number(v, v == decimal.Truncate(v) ? 0 : 1),
        _ => figure.Text,
    };
}
