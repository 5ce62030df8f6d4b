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
}

public sealed record EngagementBudget(string Engagement, IReadOnlyList<BudgetLine> Lines, BudgetTotals Totals)
{
    /// <summary>"Engagement 1" for "Engagement 1 : Agir le plus précocement…".</summary>
    public string ShortName => Engagement.Split(" : ", 2)[0].Trim();
}

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

    public required SnapshotStatus Status { get; init; }

    public bool Reliable { get; init; } = true;

    /// <summary>Whether baseline, targets and achieved values are numbers the trajectory chart can draw.</summary>
    public bool IsNumeric => Kind != IndicatorKind.Milestone && Points().Count(p => p.Target is not null || p.Achieved is not null) >= 2;

    /// <summary>The trajectory: baseline (year null), then each year's target and achieved value.</summary>
    public IReadOnlyList<(int? Year, decimal? Target, decimal? Achieved)> Points(int? untilYear = null)
    {
        var points = new List<(int?, decimal?, decimal?)>();
        if (Baseline?.Value is { } b)
        {
            points.Add((null, b, b));
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

    /// <summary>Planned total printed in the fiche itself, when known ("Total : 1 886 914 €").</summary>
    public decimal? StatedTotal { get; init; }

    public FicheBilan? Bilan { get; init; }

    public IReadOnlyList<IndicatorReport> Indicators { get; init; } = [];
}

/// <summary>A month of the year with indicators without value (or never consolidated).</summary>
public sealed record MonthGap(YearMonth Month, int Missing, int Known, bool NotConsolidated, IReadOnlyList<string> Labels);

/// <summary>An indicator whose values were declared unreliable, with the months concerned.</summary>
public sealed record UnreliableIndicator(string Code, string Label, IReadOnlyList<YearMonth> Months, string? LastValue);

/// <summary>A warning (or error) of an ingested workbook, with its source cell.</summary>
public sealed record SourceWarning(string FileName, string Severity, string Message, string? Sheet, string? Cell, string? Seen, string? Expected);

/// <summary>A consistency check made by the report itself (fiche totals, overruns, missing bilans).</summary>
public sealed record ReportCheck(string Subject, string Message);

public sealed record DataQuality(bool HasMonthlyData, IReadOnlyList<MonthGap> Gaps, IReadOnlyList<UnreliableIndicator> Unreliable, IReadOnlyList<SourceWarning> Warnings, IReadOnlyList<ReportCheck> Checks);

/// <summary>What the report is built from, as read from storage (see <see cref="AnnualReportService"/>).</summary>
public sealed record ReportInputs
{
    public required Departement Departement { get; init; }

    public required int Year { get; init; }

    public required DateOnly GeneratedOn { get; init; }

    public IReadOnlyList<BudgetLine> BudgetLines { get; init; } = [];

    public IReadOnlyList<FicheDefinition> Fiches { get; init; } = [];

    public IReadOnlyList<FicheBilan> Bilans { get; init; } = [];

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

    /// <summary>The contract in force and, in an avenant year, the financial part by objective and action.</summary>
    public required ContractPeriodReport Period { get; init; }

    public bool HasFinancialData => Engagements.Count > 0;

    public static AnnualReportModel Build(ReportInputs inputs)
    {
        var year = inputs.Year;
        var ordered = inputs.BudgetLines.OrderBy(l => l.Order).ToList();
        var engagements = ordered.GroupBy(l => l.Engagement)
            .Select(g => new EngagementBudget(g.Key, g.ToList(), BudgetTotals.Of(g)))
            .ToList();
        var indicators = BuildIndicators(inputs);
        var fiches = BuildFiches(inputs, indicators);
        var periodStart = inputs.Period.InForce?.FirstYear ?? inputs.Indicators.SelectMany(i => i.Targets.Keys).Where(y => y <= year && y > year - 6).DefaultIfEmpty(year - 2).Min();
        var period = ContractPeriodReport.Build(inputs, periodStart);
        return new AnnualReportModel
        {
            Departement = inputs.Departement,
            DepartementName = ReferenceData.DepartementName(inputs.Departement),
            Year = year,
            PeriodStart = periodStart,
            GeneratedOn = inputs.GeneratedOn,
            Engagements = engagements,
            Total = BudgetTotals.Of(ordered),
            Fiches = fiches,
            Indicators = indicators,
            Quality = BuildQuality(inputs, fiches, period.Checks),
            Period = period,
        };
    }

    private static List<IndicatorReport> BuildIndicators(ReportInputs inputs)
    {
        var year = inputs.Year;
        var snapshots = inputs.Snapshots.Where(s => s.Month.Year == year).GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Month).ToList(), StringComparer.Ordinal);
        var result = new List<IndicatorReport>();
        var december = new YearMonth(year, 12);
        foreach (var d in inputs.Indicators)
        {
            var series = snapshots.GetValueOrDefault(d.Code) ?? [];
            var latest = series.LastOrDefault(s => s.Value is not null || s.Text is not null);
            var annual = d.Achieved.GetValueOrDefault(year);
            var achieved = annual ?? (latest is null ? null : new IndicatorFigure(latest.Value, latest.IsPercent, latest.Text));
            var target = d.Targets.GetValueOrDefault(year);
            var status = latest is not null && annual is null
                ? latest.Status
                : StatusEvaluator.Evaluate(d, december, achieved?.Value, achieved?.Text, target);
            result.Add(new IndicatorReport
            {
                Definition = achieved is null || annual is not null ? d : d with { Achieved = new Dictionary<int, IndicatorFigure>(d.Achieved) { [year] = achieved } },
                Target = target,
                AchievedInYear = achieved,
                AchievedMonth = annual is null ? latest?.Month : null,
                Status = status,
                Reliable = annual is not null || (latest?.Reliable ?? true),
            });
        }

        // Indicators known only from the monthly follow-up.
        foreach (var (code, series) in snapshots.Where(s => result.All(r => r.Code != s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var latest = series.LastOrDefault(s => s.Value is not null || s.Text is not null);
            result.Add(new IndicatorReport
            {
                Definition = new IndicatorDefinition { Code = code, Label = series[^1].Label },
                AchievedInYear = latest is null ? null : new IndicatorFigure(latest.Value, latest.IsPercent, latest.Text),
                AchievedMonth = latest?.Month,
                Status = latest?.Status ?? SnapshotStatus.Missing,
                Reliable = latest?.Reliable ?? false,
            });
        }

        return result;
    }

    private static List<FicheReport> BuildFiches(ReportInputs inputs, List<IndicatorReport> indicators)
    {
        var lines = inputs.BudgetLines.Where(l => l.Fiche is not null).GroupBy(l => l.Fiche!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var definitions = inputs.Fiches.GroupBy(f => f.Numero).ToDictionary(g => g.Key, g => g.First());
        var bilans = inputs.Bilans.Where(b => b.Year == inputs.Year).GroupBy(b => b.Numero).ToDictionary(g => g.Key, g => g.First());
        var numbers = lines.Keys.Concat(definitions.Keys).Concat(bilans.Keys).Distinct().Order();
        var result = new List<FicheReport>();
        foreach (var n in numbers)
        {
            var own = lines.GetValueOrDefault(n) ?? [];
            var definition = definitions.GetValueOrDefault(n);
            var bilan = bilans.GetValueOrDefault(n);
            var objectif = definition?.Objectif ?? ObjectiveNumber(own.FirstOrDefault()?.Objectif);
            result.Add(new FicheReport
            {
                Numero = n,
                Intitule = FirstText(definition?.Intitule, bilan?.Intitule) ?? string.Create(CultureInfo.InvariantCulture, $"Fiche action {n}"),
                Objectif = objectif,
                Engagement = own.FirstOrDefault()?.Engagement,
                Theme = definition?.Theme,
                Referent = FirstText(bilan?.Referent, definition?.Referent),
                HasBudgetLine = own.Count > 0,
                Budget = own.Sum(l => l.BudgetGlobal),
                ConsumedBefore = own.Sum(l => l.ConsumedBefore),
                ConsumedInYear = own.Sum(l => l.ConsumedInYear),
                Consumed = own.Sum(l => l.ConsumedCumulative),
                StatedTotal = bilan?.PlannedTotal ?? definition?.PlannedTotal,
                Bilan = bilan,
                Indicators = indicators.Where(i => i.Fiche == n).ToList(),
            });
        }

        return result;
    }

    private static DataQuality BuildQuality(ReportInputs inputs, List<FicheReport> fiches, IReadOnlyList<ReportCheck> periodChecks)
    {
        var year = inputs.Year;
        var ofYear = inputs.Snapshots.Where(s => s.Month.Year == year).ToList();
        var gaps = new List<MonthGap>();
        var unreliable = new List<UnreliableIndicator>();
        if (ofYear.Count > 0)
        {
            var last = year < inputs.GeneratedOn.Year ? 12 : Math.Max(1, inputs.GeneratedOn.Month - 1);

            // The monthly follow-up's indicators: those with a value in a month before December (an indicator of the
            // plan never followed monthly, or known by its annual value only, leaves no gap in the monthly follow-up).
            var followed = ofYear.Where(s => s.Month.Month < 12 && (s.Value is not null || s.Text is not null)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
            var monthly = followed.Count > 0 ? ofYear.Where(s => followed.Contains(s.Code)).ToList() : ofYear;
            var known = monthly.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count();
            var byMonth = monthly.GroupBy(s => s.Month.Month).ToDictionary(g => g.Key, g => g.ToList());
            for (var m = 1; m <= last; m++)
            {
                var month = new YearMonth(year, m);
                if (!byMonth.TryGetValue(m, out var rows))
                {
                    gaps.Add(new MonthGap(month, known, known, NotConsolidated: true, []));
                    continue;
                }

                var missing = rows.Where(s => s.Status == SnapshotStatus.Missing).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    gaps.Add(new MonthGap(month, missing.Count, rows.Count, NotConsolidated: false, missing.Select(s => s.Label).ToList()));
                }
            }

            unreliable = ofYear.Where(s => !s.Reliable && (s.Value is not null || s.Text is not null))
                .GroupBy(s => s.Code, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var rows = g.OrderBy(s => s.Month).ToList();
                    return new UnreliableIndicator(g.Key, rows[^1].Label, rows.Select(s => s.Month).ToList(), FigureText(new IndicatorFigure(rows[^1].Value, rows[^1].IsPercent, rows[^1].Text)));
                })
                .ToList();
        }

        return new DataQuality(ofYear.Count > 0, gaps, unreliable, inputs.Warnings, [.. Checks(inputs, fiches), .. periodChecks]);
    }

    private static List<ReportCheck> Checks(ReportInputs inputs, List<FicheReport> fiches)
    {
        var checks = new List<ReportCheck>();
        foreach (var f in fiches.Where(f => f.HasBudgetLine))
        {
            var subject = string.Create(CultureInfo.InvariantCulture, $"Fiche {f.Numero}");
            if (f.StatedTotal is { } stated && stated != f.Budget && f.Budget > 0)
            {
                checks.Add(new ReportCheck(subject, $"la fiche indique un total prévu de {FrenchFormat.Euros(stated)}, le rapport financier {FrenchFormat.Euros(f.Budget)} ; le pourcentage consommé est calculé sur le rapport financier : {FrenchFormat.Percent(f.Rate!.Value)} (il serait de {FrenchFormat.Percent(f.Consumed / stated)} sur le total de la fiche)."));
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
            var without = fiches.Where(f => f.Bilan is null).Select(f => f.Numero.ToString(CultureInfo.InvariantCulture)).ToList();
            if (without.Count > 0)
            {
                checks.Add(new ReportCheck("Bilans", $"pas de bilan qualitatif {inputs.Year} pour les fiches {string.Join(", ", without)}."));
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
