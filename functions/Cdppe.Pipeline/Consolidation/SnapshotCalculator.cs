using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// The snapshot rules, free of storage so they can be tested and measured alone. For month M: the latest value with
/// period M among all accepted uploads; derived rates recomputed from their counts; for December, the annual achieved
/// value of a tableau de bord when no monthly value exists (monthly data wins: it carries its period, source and
/// reliability); status against the year's target; no value is a gap (never carried forward).
/// </summary>
public static class SnapshotCalculator
{
    /// <summary>Source recorded for a December value taken from a tableau de bord's annual achieved figure.</summary>
    public const string AnnualAchievedSource = "tableau-de-bord";

    public static IReadOnlyList<MonthlySnapshot> Compute(YearMonth month, IReadOnlyDictionary<string, IndicatorDefinition> definitions, IEnumerable<RawValue> valuesOfMonth, IEnumerable<(string Code, string Label)> codesSeenInYear)
    {
        var latest = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var v in valuesOfMonth)
        {
            if (v.Period != month)
            {
                continue;
            }

            if (!latest.TryGetValue(v.Code, out var current) || (v.ReceivedAt, v.IngestionId).CompareTo((current.ReceivedAt, current.IngestionId)) > 0)
            {
                latest[v.Code] = v;
            }
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, definition) in definitions)
        {
            labels[code] = definition.Label;
        }

        foreach (var (code, label) in codesSeenInYear)
        {
            labels.TryAdd(code, label);
        }

        var result = new List<MonthlySnapshot>(labels.Count);
        foreach (var (code, label) in labels)
        {
            definitions.TryGetValue(code, out var definition);
            var (value, isPercent, text, reliable, source) = Resolve(code, month, definition, latest);
            var target = definition?.Targets.GetValueOrDefault(month.Year);
            var status = StatusEvaluator.Evaluate(definition, month, value, text, target);
            result.Add(new MonthlySnapshot(code, latest.GetValueOrDefault(code)?.Label ?? label, month, value, isPercent, text, target?.Value, target?.Text, status, reliable, source));
        }

        return result;
    }

    private static (decimal? Value, bool IsPercent, string? Text, bool Reliable, string? Source) Resolve(string code, YearMonth month, IndicatorDefinition? definition, Dictionary<string, RawValue> latest)
    {
        if (definition is { NumeratorCode: { } numerator, DenominatorCode: { } denominator }
            && latest.TryGetValue(numerator, out var num) && latest.TryGetValue(denominator, out var den)
            && num.Value is { } n && den.Value is { } d && d != 0)
        {
            var source = (num.ReceivedAt, num.IngestionId).CompareTo((den.ReceivedAt, den.IngestionId)) >= 0 ? num.IngestionId : den.IngestionId;
            return (Math.Round(n / d, 6), true, null, num.Reliable && den.Reliable, source);
        }

        if (latest.TryGetValue(code, out var raw))
        {
            return (raw.Value, raw.IsPercent, raw.Text, raw.Reliable && (raw.Value is not null || raw.Text is not null), raw.IngestionId);
        }

        if (month.Month == 12 && definition?.Achieved.GetValueOrDefault(month.Year) is { } achieved && (achieved.Value is not null || achieved.Text is not null))
        {
            return (achieved.Value, achieved.IsPercent, achieved.Text, true, AnnualAchievedSource);
        }

        return (null, false, null, false, null);
    }
}
