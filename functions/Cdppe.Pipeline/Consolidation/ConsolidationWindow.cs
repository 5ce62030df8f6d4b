using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// The months a contract's data may be consolidated in: its period, and its reporting window after it (the report of
/// year N is written until 30 June of N+1). Without any contract, the years of the monthly values play that part.
/// </summary>
public sealed record ConsolidationWindow(string Name, YearMonth From, YearMonth To, bool FromContract)
{
    /// <summary>The reporting window closes on 30 June of the year after the period.</summary>
    public const int ReportingWindowMonths = 6;

    public bool Contains(YearMonth month) => month >= From && month <= To;

    public static IReadOnlyList<ConsolidationWindow> Of(IReadOnlyList<Contract> contracts, IEnumerable<YearMonth> valueMonths) =>
        contracts.Count > 0
            ? contracts.Select(c => new ConsolidationWindow($"de « {c.Name} »", new YearMonth(c.FirstYear, 1), new YearMonth(c.LastYear + 1, ReportingWindowMonths), true)).ToList()
            : valueMonths.Select(m => m.Year).Distinct().Order().Select(y => new ConsolidationWindow(string.Create(CultureInfo.InvariantCulture, $"des valeurs de {y}"), new YearMonth(y, 1), new YearMonth(y + 1, ReportingWindowMonths), false)).ToList();

    /// <summary>Splits <paramref name="months"/> into those inside a window and ranges of those outside, with the reason.</summary>
    public static (IReadOnlyList<YearMonth> Inside, IReadOnlyList<SkippedMonths> Skipped) Split(IEnumerable<YearMonth> months, IReadOnlyList<ConsolidationWindow> windows)
    {
        var inside = new List<YearMonth>();
        var skipped = new List<SkippedMonths>();
        foreach (var month in months.Order())
        {
            if (windows.Any(w => w.Contains(month)))
            {
                inside.Add(month);
                continue;
            }

            var reason = ReasonOutside(month, windows);
            if (skipped.Count > 0 && skipped[^1].Reason == reason && skipped[^1].To.Next() == month)
            {
                skipped[^1] = skipped[^1] with { To = month };
            }
            else
            {
                skipped.Add(new SkippedMonths(month, month, reason));
            }
        }

        return (inside, skipped);
    }

    private static string ReasonOutside(YearMonth month, IReadOnlyList<ConsolidationWindow> windows)
    {
        var before = windows.Where(w => w.To < month).MaxBy(w => w.To);
        var after = windows.Where(w => w.From > month).MinBy(w => w.From);
        var closed = before is null ? null : string.Create(CultureInfo.InvariantCulture, $"la fenêtre de rapport {before.Name}, close le 30 juin {before.To.Year}");
        return (before, after) switch
        {
            (null, { } a) => $"avant le début {a.Name}",
            ({ FromContract: false }, null) => $"après {closed} : aucun contrat n'est connu, seules les années des valeurs mensuelles et leur fenêtre de rapport sont consolidées",
            ({ }, null) => $"après {closed} : aucun contrat ne couvre ces mois",
            ({ }, { } a) => $"après {closed}, et avant le début {a.Name}",
            _ => "aucune période de contrat",
        };
    }
}
