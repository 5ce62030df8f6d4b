using System.Globalization;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>Sums of the amount columns of the rapport financier.</summary>
public sealed record BudgetTotals(decimal BudgetGlobal, decimal Departement, decimal Fir, decimal Etat, decimal Ondam, decimal ConsumedBefore, decimal ConsumedInYear, decimal ConsumedCumulative)
{
    /// <summary>Consumed cumulative / budget global, or null without budget.</summary>
    public decimal? Rate => BudgetGlobal > 0 ? ConsumedCumulative / BudgetGlobal : null;

    public static BudgetTotals Of(IEnumerable<BudgetLine> lines)
    {
        var list = lines as IReadOnlyCollection<BudgetLine> ?? lines.ToList();
        return new BudgetTotals(
            list.Sum(l => l.BudgetGlobal),
            list.Sum(l => l.Departement),
            list.Sum(l => l.Fir),
            list.Sum(l => l.Etat),
            list.Sum(l => l.Ondam),
            list.Sum(l => l.ConsumedBefore),
            list.Sum(l => l.ConsumedInYear),
            list.Sum(l => l.ConsumedCumulative));
    }

    /// <summary>The sums of several totals (the national totals are those of every département).</summary>
    public static BudgetTotals Sum(IEnumerable<BudgetTotals> totals)
    {
        var list = totals as IReadOnlyCollection<BudgetTotals> ?? totals.ToList();
        return new BudgetTotals(
            list.Sum(t => t.BudgetGlobal),
            list.Sum(t => t.Departement),
            list.Sum(t => t.Fir),
            list.Sum(t => t.Etat),
            list.Sum(t => t.Ondam),
            list.Sum(t => t.ConsumedBefore),
            list.Sum(t => t.ConsumedInYear),
            list.Sum(t => t.ConsumedCumulative));
    }
}

public sealed record EngagementBudget(string Engagement, IReadOnlyList<BudgetLine> Lines, BudgetTotals Totals)
{
    /// <summary>"Engagement 1" for "Engagement 1 : Agir le plus précocement…".</summary>
    public string ShortName => Engagement.Split(" : ", 2)[0].Trim();

    /// <summary>The objective each line prints, in the order of <see cref="Lines"/>: its fiche's objective in the plan d'action when known, else the line's own text.</summary>
    public IReadOnlyList<string?> Objectives { get; init; } = [];
}

/// <summary>
/// A sub-total or total of the rapport financier whose printed amount (in the imported workbook) differs from the
/// sum of its lines: the report prints the sum and marks it, with the printed amount and its cell.
/// </summary>
/// <param name="Engagement">The engagement of a sub-total, null for the grand total.</param>
/// <param name="Column">The amount's name in the template data: budgetGlobal, departement, fir, etat, ondam, consommeAvant, consommeAnnee, consommeCumule.</param>
public sealed record PrintedTotal(string? Engagement, string Column, string Printed, string Recomputed, string? Sheet, string? Cell);

/// <summary>An indicator as the report shows it for the year: baseline, targets, achieved value and status.</summary>
public sealed record IndicatorReport
{
    /// <summary>The indicator's definition; its achieved values include the report year's monthly value when there is no annual one.</summary>
    public required IndicatorDefinition Definition { get; init; }

    public string Code => Definition.Code;

    public string Label => Definition.Label;

    public int? Objectif => Definition.Objectif;

    public int? Fiche => Definition.Fiche;

    public IndicatorKind Kind => Definition.Kind;

    public bool Fundamental => Definition.Fundamental;

    public IndicatorFigure? Baseline => Definition.Baseline;

    public string? BaselineDate => Definition.BaselineDate;

    public string? Source => Definition.Source;

    public IReadOnlyDictionary<int, IndicatorFigure> Targets => Definition.Targets;

    public IReadOnlyDictionary<int, IndicatorFigure> Achieved => Definition.Achieved;

    /// <summary>The report year's target.</summary>
    public IndicatorFigure? Target { get; init; }

    /// <summary>The report year's achieved value (annual figure, else the latest monthly value of the year).</summary>
    public IndicatorFigure? AchievedInYear { get; init; }

    /// <summary>Month of the achieved value when it comes from the monthly follow-up.</summary>
    public YearMonth? AchievedMonth { get; init; }

    /// <summary>Status of the year: atteint, en bonne voie, en retard, non renseigné, sans cible, non fiable; empty for a context series (no target in any year: births, cohorts).</summary>
    public required string Status { get; init; }

    public bool Reliable { get; init; } = true;

    /// <summary>
    /// A series that describes the context and is never given a status: no target in any year (cohorts), or a count
    /// whose every "target" repeats its 2019 value (births, children aged 0-6, incoming informations: the denominators
    /// the tableau de bord copies into its target columns).
    /// </summary>
    public bool IsContext => IsContextSeries(Definition);

    public static bool IsContextSeries(IndicatorDefinition d) =>
        d.Targets.Count == 0
        || (d.Kind == IndicatorKind.Count && d.Baseline?.Value is { } baseline && d.Targets.Values.All(t => t.Value == baseline && string.IsNullOrEmpty(t.Text)));

    /// <summary>When the year's latest values were declared unreliable: the month of the last reliable one (null when none is).</summary>
    public YearMonth? ReliableUntil { get; init; }

    /// <summary>
    /// Whether the trajectory chart is drawn: numbers (not a milestone, nor a rate whose every target is 0 % or 100 %,
    /// which says done or not done: « Signature du protocole »), at least one achieved value after the baseline, and
    /// two points or more.
    /// </summary>
    public bool HasChart => Kind != IndicatorKind.Milestone
        && !IsDoneOrNotDone
        && Achieved.Values.Any(a => a.Value is not null)
        && Points().Count(p => p.Target is not null || p.Achieved is not null) >= 2;

    /// <summary>A rate whose every target is 0 % or 100 %: a milestone written as a percentage.</summary>
    public bool IsDoneOrNotDone => Targets.Count > 0 && Targets.Values.All(t => t.IsPercent && t.Value is 0m or 1m);

    /// <summary>The trajectory: baseline (year null, an achieved value, not a target), then each year's target and achieved value.</summary>
    public IReadOnlyList<(int? Year, decimal? Target, decimal? Achieved)> Points(int? untilYear = null)
    {
        var points = new List<(int?, decimal?, decimal?)>();
        if (Baseline?.Value is { } b)
        {
            points.Add((null, null, b));
        }

        foreach (var year in Targets.Keys.Concat(Achieved.Keys).Distinct().Where(y => untilYear is null || y <= untilYear).Order())
        {
            points.Add((year, Targets.GetValueOrDefault(year)?.Value, Achieved.GetValueOrDefault(year)?.Value));
        }

        return points;
    }
}

/// <summary>The bilan of one fiche action for the year: identity, money (recomputed from the rapport financier), texts, indicators.</summary>
public sealed record FicheReport
{
    public required int Numero { get; init; }

    public required string Intitule { get; init; }

    public int? Objectif { get; init; }

    /// <summary>Every national objective of the fiche: the plan's, then the others its bilan names (fiche 17: 9 and 16).</summary>
    public IReadOnlyList<int> Objectifs { get; init; } = [];

    public string? Engagement { get; init; }

    public string? Theme { get; init; }

    public string? Referent { get; init; }

    public bool HasBudgetLine { get; init; }

    public decimal Budget { get; init; }

    public decimal ConsumedBefore { get; init; }

    public decimal ConsumedInYear { get; init; }

    public decimal Consumed { get; init; }

    /// <summary>Consumed cumulative / budget global (fiche 1: 437 757 / 839 727 = 52,1 %), null without budget.</summary>
    public decimal? Rate => Budget > 0 ? Consumed / Budget : null;

    public decimal NotConsumed => Math.Max(0, Budget - Consumed);

    public decimal Overrun => Math.Max(0, Consumed - Budget);

    /// <summary>Planned total printed in the fiche itself, when known ("Total : 1 886 914 €"), else the plan d'action's.</summary>
    public decimal? StatedTotal { get; init; }

    /// <summary>Where <see cref="StatedTotal"/> comes from: "la fiche" (its bilan) or "le plan d'action".</summary>
    public string? StatedTotalSource { get; init; }

    public FicheBilan? Bilan { get; init; }

    /// <summary>A bilan of the year with results in it (fiche 39's bilan financier, qualitatif and « à poursuivre » are empty: it has none).</summary>
    public bool HasBilan => Bilan is { } b && new[] { b.BilanQualitatif, b.BilanFinancier, b.APoursuivre }.Any(t => !string.IsNullOrWhiteSpace(t));

    /// <summary>Money planned per year and funder by the plan d'action (CD, FIR, État, ONDAM).</summary>
    public IReadOnlyList<PlannedFunding> Funding { get; init; } = [];

    public IReadOnlyList<IndicatorReport> Indicators { get; init; } = [];
}

/// <summary>
/// Months of the year (consecutive, with the same indicators missing) where indicators followed monthly have no value,
/// or that were never consolidated. Only indicators that have monthly values in the year are counted: an indicator
/// reported once a year is not missing from the months.
/// </summary>
public sealed record MonthGap(YearMonth Month, int Missing, int Known, bool NotConsolidated, IReadOnlyList<string> Labels)
{
    /// <summary>Every month of the gap, <see cref="Month"/> first.</summary>
    public IReadOnlyList<YearMonth> Months { get; init; } = [Month];
}

/// <summary>An indicator whose values were declared unreliable: the months concerned, the last reliable month and value.</summary>
public sealed record UnreliableIndicator(string Code, string Label, IReadOnlyList<YearMonth> Months, string? LastValue)
{
    public YearMonth? LastReliableMonth { get; init; }

    public string? LastReliableValue { get; init; }
}

/// <summary>A warning (or error) of an ingested workbook, with its source cell.</summary>
public sealed record SourceWarning(string FileName, string Severity, string Message, string? Sheet, string? Cell, string? Seen, string? Expected);

/// <summary>A consistency check made by the report itself (fiche totals, overruns, missing bilans).</summary>
public sealed record ReportCheck(string Subject, string Message);

public sealed record DataQuality(bool HasMonthlyData, IReadOnlyList<MonthGap> Gaps, IReadOnlyList<UnreliableIndicator> Unreliable, IReadOnlyList<SourceWarning> Warnings, IReadOnlyList<ReportCheck> Checks)
{
    /// <summary>Number of indicators with monthly values in the year.</summary>
    public int MonthlyIndicators { get; init; }

    /// <summary>What limits the monthly data, in sentences generated from it: lost months, data stopped at a month.</summary>
    public IReadOnlyList<string> Explanations { get; init; } = [];
}

/// <summary>What the report is built from, as read from storage (see <see cref="AnnualReportService"/>).</summary>
public sealed record ReportInputs
{
    public required Departement Departement { get; init; }

    public required int Year { get; init; }

    public required DateOnly GeneratedOn { get; init; }

    public IReadOnlyList<BudgetLine> BudgetLines { get; init; } = [];

    public IReadOnlyList<FicheDefinition> Fiches { get; init; } = [];

    public IReadOnlyList<FicheBilan> Bilans { get; init; } = [];

    /// <summary>Planned funding per fiche and year (plan d'action).</summary>
    public IReadOnlyList<PlannedFunding> Funding { get; init; } = [];

    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    public IReadOnlyList<MonthlySnapshot> Snapshots { get; init; } = [];

    public IReadOnlyList<SourceWarning> Warnings { get; init; } = [];

    /// <summary>The contract in force in the year and, in an avenant year, its annexe 2.1 and action-keyed rapport financier.</summary>
    public ContractPeriodInputs Period { get; init; } = new();

    /// <summary>True when nothing at all is known for the département and year (the API answers 404).</summary>
    public bool IsEmpty => BudgetLines.Count == 0 && Bilans.Count == 0 && Snapshots.Count == 0
        && !Indicators.Any(i => i.Targets.ContainsKey(Year) || i.Achieved.ContainsKey(Year))
        && Period.Annexe.Count == 0 && Period.ActionLines.Count == 0;
}

/// <summary>Everything the annual report shows, computed from storage; totals and percentages are recomputed, never copied.</summary>
public sealed partial record AnnualReportModel
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
        var indicators = BuildIndicators(inputs);
        var fiches = BuildFiches(inputs, indicators);
        var periodStart = inputs.Period.InForce?.FirstYear ?? inputs.Indicators.SelectMany(i => i.Targets.Keys).Where(y => y <= year && y > year - 6).DefaultIfEmpty(year - 2).Min();
        var period = ContractPeriodReport.Build(inputs, periodStart);
        var retained = inputs.Bilans.Where(b => b.Year == year).SelectMany(b => b.ObjectifsRetenus).Distinct().Order().ToList();
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
            Quality = BuildQuality(inputs, fiches, retained, period.Checks),
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

    private static readonly Dictionary<string, string> TotalColumns = new(StringComparer.Ordinal)
    {
        ["budget global"] = "budgetGlobal",
        ["Département"] = "departement",
        ["FIR"] = "fir",
        ["État"] = "etat",
        ["ONDAM"] = "ondam",
        ["consommé au 31/12 de l'année précédente"] = "consommeAvant",
        ["consommé dans l'année"] = "consommeAnnee",
        ["consommé cumulé"] = "consommeCumule",
    };

    /// <summary>The rapport financier's checks of its printed totals ("Colonne consommé dans l'année : le sous-total de « Engagement 1 » imprimé ne correspond pas…").</summary>
    private static List<PrintedTotal> PrintedTotalsOf(IEnumerable<SourceWarning> warnings)
    {
        var result = new List<PrintedTotal>();
        foreach (var w in warnings)
        {
            var match = PrintedTotalMessage().Match(w.Message);
            if (match.Success && TotalColumns.TryGetValue(match.Groups["column"].Value, out var column) && w.Seen is { } printed && w.Expected is { } sum)
            {
                result.Add(new PrintedTotal(match.Groups["engagement"].Success ? match.Groups["engagement"].Value : null, column, printed, sum, w.Sheet, w.Cell));
            }
        }

        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Colonne (?<column>.+?) : (?:le sous-total de « (?<engagement>.+?) »|le total général) imprimé ne correspond pas à la somme des lignes")]
    private static partial System.Text.RegularExpressions.Regex PrintedTotalMessage();

    /// <summary>
    /// Status "non fiable": the year's latest value was declared unreliable. The value shown is then the last reliable
    /// one, with its own month (data stopped at 30 June 2022 is shown as June's), never a later month's.
    /// </summary>
    public const string UnreliableStatus = "non fiable";

    private static List<IndicatorReport> BuildIndicators(ReportInputs inputs)
    {
        var year = inputs.Year;
        var snapshots = inputs.Snapshots.Where(s => s.Month.Year == year).GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Month).ToList(), StringComparer.Ordinal);
        var result = new List<IndicatorReport>();
        var december = new YearMonth(year, 12);
        foreach (var d in inputs.Indicators)
        {
            var annual = d.Achieved.GetValueOrDefault(year);
            var target = d.Targets.GetValueOrDefault(year);
            var monthly = MonthlyValue(snapshots.GetValueOrDefault(d.Code) ?? []);
            var achieved = annual ?? monthly.Figure;
            // Against the targets known now (a snapshot keeps the status of the day it was consolidated).
            var status = annual is null && monthly.Snapshot is { } shown
                ? (monthly.Unreliable ? UnreliableStatus : StatusEvaluator.Evaluate(d, shown.Month, shown.Value, shown.Text, target).Label())
                : StatusEvaluator.Evaluate(d, december, achieved?.Value, achieved?.Text, target).Label();
            result.Add(new IndicatorReport
            {
                Definition = achieved is null || annual is not null ? d : d with { Achieved = new Dictionary<int, IndicatorFigure>(d.Achieved) { [year] = achieved } },
                Target = target,
                AchievedInYear = achieved,
                AchievedMonth = annual is null ? monthly.Snapshot?.Month : null,
                Status = IndicatorReport.IsContextSeries(d) ? string.Empty : status,
                Reliable = annual is not null || !monthly.Unreliable,
                ReliableUntil = annual is null && monthly.Unreliable ? monthly.ReliableUntil : null,
            });
        }

        // Indicators known only from the monthly follow-up: no target, so a context series.
        foreach (var (code, series) in snapshots.Where(s => result.All(r => r.Code != s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var monthly = MonthlyValue(series);
            result.Add(new IndicatorReport
            {
                Definition = new IndicatorDefinition { Code = code, Label = series[^1].Label },
                AchievedInYear = monthly.Figure,
                AchievedMonth = monthly.Snapshot?.Month,
                Status = string.Empty,
                Reliable = !monthly.Unreliable,
                ReliableUntil = monthly.Unreliable ? monthly.ReliableUntil : null,
            });
        }

        return result;
    }

    /// <summary>The value of the year from the monthly snapshots: the latest one, or the last reliable one when the latest is unreliable.</summary>
    private static (MonthlySnapshot? Snapshot, IndicatorFigure? Figure, bool Unreliable, YearMonth? ReliableUntil) MonthlyValue(IReadOnlyList<MonthlySnapshot> series)
    {
        var withValue = series.Where(s => s.Value is not null || s.Text is not null).ToList();
        if (withValue.Count == 0)
        {
            return (null, null, false, null);
        }

        var latest = withValue[^1];
        var reliable = withValue.LastOrDefault(s => s.Reliable);
        var shown = latest.Reliable ? latest : reliable ?? latest;
        return (shown, new IndicatorFigure(shown.Value, shown.IsPercent, shown.Text), !latest.Reliable, reliable?.Month);
    }

    private static List<FicheReport> BuildFiches(ReportInputs inputs, List<IndicatorReport> indicators)
    {
        var lines = inputs.BudgetLines.Where(l => l.Fiche is not null).GroupBy(l => l.Fiche!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var definitions = inputs.Fiches.GroupBy(f => f.Numero).ToDictionary(g => g.Key, g => g.First());
        var bilans = inputs.Bilans.Where(b => b.Year == inputs.Year).GroupBy(b => b.Numero).ToDictionary(g => g.Key, g => g.First());
        var funding = inputs.Funding.GroupBy(f => f.Fiche).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Year).ToList());
        var numbers = lines.Keys.Concat(definitions.Keys).Concat(bilans.Keys).Distinct().Order();
        var result = new List<FicheReport>();
        foreach (var n in numbers)
        {
            var own = lines.GetValueOrDefault(n) ?? [];
            var definition = definitions.GetValueOrDefault(n);
            var bilan = bilans.GetValueOrDefault(n);
            var objectif = definition?.Objectif ?? bilan?.Objectif ?? ObjectiveNumber(own.FirstOrDefault()?.Objectif);
            result.Add(new FicheReport
            {
                Numero = n,
                Intitule = FirstText(IsGarbled(definition?.Intitule) ? null : definition?.Intitule, bilan?.Intitule, definition?.Intitule) ?? string.Create(CultureInfo.InvariantCulture, $"Fiche action {n}"),
                Objectif = objectif,
                Objectifs = (objectif is { } first ? new[] { first } : []).Concat(bilan?.Objectifs ?? []).Distinct().ToList(),
                Funding = funding.GetValueOrDefault(n) ?? [],
                Engagement = own.FirstOrDefault()?.Engagement,
                Theme = definition?.Theme,
                Referent = FirstText(bilan?.Referent, definition?.Referent),
                HasBudgetLine = own.Count > 0,
                Budget = own.Sum(l => l.BudgetGlobal),
                ConsumedBefore = own.Sum(l => l.ConsumedBefore),
                ConsumedInYear = own.Sum(l => l.ConsumedInYear),
                Consumed = own.Sum(l => l.ConsumedCumulative),
                StatedTotal = bilan?.PlannedTotal ?? definition?.PlannedTotal,
                StatedTotalSource = bilan?.PlannedTotal is not null ? "la fiche" : definition?.PlannedTotal is not null ? "le plan d'action" : null,
                Bilan = bilan,
                Indicators = indicators.Where(i => i.Fiche == n).ToList(),
            });
        }

        return result;
    }

    private static DataQuality BuildQuality(ReportInputs inputs, List<FicheReport> fiches, List<int> retained, IReadOnlyList<ReportCheck> periodChecks)
    {
        var year = inputs.Year;
        var ofYear = inputs.Snapshots.Where(s => s.Month.Year == year).ToList();
        var gaps = new List<MonthGap>();
        var unreliable = new List<UnreliableIndicator>();
        // The monthly follow-up's indicators: those with a value of the follow-up in a month before December (an
        // indicator of the plan never followed monthly, or known by its annual value only, leaves no gap in it), but
        // not the rates derived from two of its counts (they have a value when their counts have one).
        var derived = inputs.Indicators.Where(i => i.NumeratorCode is not null).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var followed = new HashSet<string>(ofYear.Where(s => (s.Value is not null || s.Text is not null) && s.SourceIngestion != SnapshotCalculator.AnnualAchievedSource && s.Month.Month < 12 && !derived.Contains(s.Code)).Select(s => s.Code), StringComparer.Ordinal);
        if (followed.Count == 0)
        {
            followed = ofYear.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        }

        if (ofYear.Count > 0)
        {
            var last = year < inputs.GeneratedOn.Year ? 12 : Math.Max(1, inputs.GeneratedOn.Month - 1);
            var byMonth = ofYear.Where(s => followed.Contains(s.Code)).GroupBy(s => s.Month.Month).ToDictionary(g => g.Key, g => g.ToList());
            var consolidated = ofYear.Select(s => s.Month.Month).ToHashSet();
            var labels = ofYear.GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Month)!.Label, StringComparer.Ordinal);
            for (var m = 1; m <= last; m++)
            {
                var month = new YearMonth(year, m);
                MonthGap? gap = null;
                if (!consolidated.Contains(m))
                {
                    gap = new MonthGap(month, followed.Count, followed.Count, NotConsolidated: true, []);
                }
                else if (followed.Except((byMonth.GetValueOrDefault(m) ?? []).Where(s => s.Value is not null || s.Text is not null).Select(s => s.Code), StringComparer.Ordinal).Select(c => labels[c]).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } missing)
                {
                    // A followed indicator without a value in a consolidated month, whether its snapshot says
                    // « non renseigné » or the month has no snapshot of it (left out of the contract's period).
                    gap = new MonthGap(month, missing.Count, followed.Count, NotConsolidated: false, missing);
                }

                if (gap is null)
                {
                    continue;
                }

                if (gaps.Count > 0 && gaps[^1] is var previous && previous.Months[^1].Next() == month && previous.NotConsolidated == gap.NotConsolidated && previous.Labels.SequenceEqual(gap.Labels))
                {
                    gaps[^1] = previous with { Months = [.. previous.Months, month] };
                }
                else
                {
                    gaps.Add(gap);
                }
            }

            // Values declared unreliable in the follow-up (a rate derived from them is unreliable too, not declared so).
            unreliable = ofYear.Where(s => !s.Reliable && (s.Value is not null || s.Text is not null) && !derived.Contains(s.Code))
                .GroupBy(s => s.Code, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var rows = g.OrderBy(s => s.Month).ToList();
                    var lastReliable = ofYear.Where(s => s.Code == g.Key && s.Reliable && (s.Value is not null || s.Text is not null) && s.Month < rows[0].Month).MaxBy(s => s.Month);
                    return new UnreliableIndicator(g.Key, rows[^1].Label, rows.Select(s => s.Month).ToList(), FigureText(new IndicatorFigure(rows[^1].Value, rows[^1].IsPercent, rows[^1].Text)))
                    {
                        LastReliableMonth = lastReliable?.Month,
                        LastReliableValue = lastReliable is null ? null : FigureText(new IndicatorFigure(lastReliable.Value, lastReliable.IsPercent, lastReliable.Text)),
                    };
                })
                .OrderBy(u => u.Label, StringComparer.Ordinal)
                .ToList();
        }

        return new DataQuality(ofYear.Count > 0, gaps, unreliable, inputs.Warnings, [.. Checks(inputs, fiches, retained), .. periodChecks])
        {
            MonthlyIndicators = followed.Count,
            Explanations = Explain(year, followed.Count, gaps, unreliable),
        };
    }

    /// <summary>"Aucune valeur n'a été transmise pour octobre 2022 …", "Les valeurs de 3 indicateurs sont déclarées non fiables à partir de juillet 2022 …".</summary>
    private static List<string> Explain(int year, int followed, List<MonthGap> gaps, List<UnreliableIndicator> unreliable)
    {
        var sentences = new List<string>();
        var lost = gaps.Where(g => !g.NotConsolidated && g.Missing == g.Known).SelectMany(g => g.Months).ToList();
        if (lost.Count > 0)
        {
            sentences.Add($"Aucune valeur n'a été transmise pour {MonthsPhrase(lost)} : {(lost.Count == 1 ? "ce mois manque" : "ces mois manquent")} pour {(followed == 1 ? "l'indicateur suivi" : $"les {followed} indicateurs suivis")} chaque mois.");
        }

        var never = gaps.Where(g => g.NotConsolidated).SelectMany(g => g.Months).ToList();
        if (never.Count > 0)
        {
            sentences.Add($"{Capitalize(MonthsPhrase(never))} {(never.Count == 1 ? "n'a" : "n'ont")} jamais été consolidé{(never.Count == 1 ? string.Empty : "s")} : les indicateurs n'y ont pas de valeur.");
        }

        foreach (var g in gaps.Where(g => !g.NotConsolidated && g.Missing < g.Known))
        {
            sentences.Add($"En {MonthsPhrase(g.Months)}, {g.Missing} indicateur{(g.Missing == 1 ? string.Empty : "s")} sur {g.Known} n'{(g.Missing == 1 ? "a" : "ont")} pas de valeur : {string.Join(" ; ", g.Labels)}.");
        }

        foreach (var group in unreliable.GroupBy(u => (First: u.Months[0], u.LastReliableMonth)).OrderBy(g => g.Key.First))
        {
            var count = group.Count();
            var from = MonthName(group.Key.First) + " " + group.Key.First.Year.ToString(CultureInfo.InvariantCulture);
            var until = group.Key.LastReliableMonth is { } r
                ? $"{(count == 1 ? "sa" : "leur")} dernière valeur fiable est celle de {MonthName(r)} {r.Year.ToString(CultureInfo.InvariantCulture)} (données arrêtées au {DateTime.DaysInMonth(r.Year, r.Month).ToString(CultureInfo.InvariantCulture)} {MonthName(r)} {r.Year.ToString(CultureInfo.InvariantCulture)})"
                : $"aucune valeur fiable n'a été transmise en {year.ToString(CultureInfo.InvariantCulture)}";
            sentences.Add($"{(count == 1 ? "Les valeurs d'un indicateur sont déclarées" : $"Les valeurs de {count} indicateurs sont déclarées")} non fiables à partir de {from} : {until} ; le rapport les présente ainsi, avec le statut « {UnreliableStatus} » ({string.Join(" ; ", group.Select(u => u.Label))}).");
        }

        return sentences;
    }

    /// <summary>"13", "13 et 15", "13, 15 et 16".</summary>
    public static string ListPhrase(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " et " + items[^1];

    private static string MonthName(YearMonth m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM", FrenchFormat.Culture);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], FrenchFormat.Culture) + text[1..];

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

    private static List<ReportCheck> Checks(ReportInputs inputs, List<FicheReport> fiches, List<int> retained)
    {
        var checks = new List<ReportCheck>();
        var outside = fiches.Where(f => retained.Count > 0 && f.Objectifs.Any(o => o >= 12 && !retained.Contains(o))).ToList();
        if (outside.Count > 0)
        {
            var list = ListPhrase(outside.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Numero} (objectif {string.Join(", ", f.Objectifs.Where(o => o >= 12 && !retained.Contains(o)))})")).ToList());
            checks.Add(new ReportCheck("Objectifs", $"{(outside.Count == 1 ? "la fiche" : "les fiches")} {list} {(outside.Count == 1 ? "est rattachée" : "sont rattachées")} à un objectif facultatif que le Département n'a pas retenu (objectifs facultatifs retenus : {ListPhrase(retained.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList())})."));
        }

        foreach (var f in fiches.Where(f => f.HasBudgetLine))
        {
            var subject = string.Create(CultureInfo.InvariantCulture, $"Fiche {f.Numero}");
            if (f.StatedTotal is { } stated && stated != f.Budget && f.Budget > 0)
            {
                checks.Add(new ReportCheck(subject, $"{f.StatedTotalSource} indique un total prévu de {FrenchFormat.Euros(stated)}, le rapport financier {FrenchFormat.Euros(f.Budget)} ; le pourcentage consommé est calculé sur le rapport financier : {FrenchFormat.Percent(f.Rate!.Value)} (il serait de {FrenchFormat.Percent(f.Consumed / stated)} sur ce total)."));
            }

            if (f.Budget == 0 && f.Consumed > 0)
            {
                checks.Add(new ReportCheck(subject, $"{FrenchFormat.Euros(f.Consumed)} consommés sans budget prévu au rapport financier : le pourcentage consommé ne peut pas être calculé."));
            }
            else if (f.Overrun > 0)
            {
                checks.Add(new ReportCheck(subject, $"le consommé ({FrenchFormat.Euros(f.Consumed)}) dépasse le budget prévu ({FrenchFormat.Euros(f.Budget)}) de {FrenchFormat.Euros(f.Overrun)}."));
            }
        }

        if (inputs.Bilans.Any(b => b.Year == inputs.Year))
        {
            var without = fiches.Where(f => !f.HasBilan).Select(f => f.Numero.ToString(CultureInfo.InvariantCulture)).ToList();
            if (without.Count > 0)
            {
                checks.Add(new ReportCheck("Bilans", $"pas de bilan {inputs.Year} (bilan financier, bilan qualitatif, à poursuivre) pour {(without.Count == 1 ? "la fiche" : "les fiches")} {string.Join(", ", without)}."));
            }
        }

        return checks;
    }

    /// <summary>"1" from "1. Atteindre…" or "Objectif 1 : …"; null when the text has no leading number.</summary>
    private static int? ObjectiveNumber(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = new string(text.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        var prefix = text.TrimStart();
        return digits.Length is > 0 and <= 2 && (char.IsAsciiDigit(prefix[0]) || prefix.StartsWith("Objectif", StringComparison.OrdinalIgnoreCase))
            ? int.Parse(digits, CultureInfo.InvariantCulture)
            : null;
    }

    private static string? FirstText(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>A title whose words repeat a run of three (a merged cell copied twice: "Développer les projets Développer les projets de…", fiche 21 of the plan d'action).</summary>
    private static bool IsGarbled(string? title)
    {
        var words = (title ?? string.Empty).ToLowerInvariant().Split([' ', '\u00A0', '\'', '’', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < words.Length; i++)
        {
            if (!runs.Add(string.Join(' ', words, i, 3)))
            {
                return true;
            }
        }

        return false;
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
