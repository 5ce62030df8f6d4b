using System.Globalization;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The fiches of <see cref="AnnualReportModel"/>: each one's identity, money recomputed from the rapport financier, bilan and indicators.</summary>
internal static class FicheReportBuilder
{
    public static List<FicheReport> Build(ReportInputs inputs, List<IndicatorReport> indicators)
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
}
