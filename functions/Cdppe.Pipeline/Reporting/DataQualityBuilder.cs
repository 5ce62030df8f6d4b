using System.Globalization;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The data quality of <see cref="AnnualReportModel"/>: months without values, values declared unreliable, the sentences that explain them, and the report's own checks.</summary>
internal static class DataQualityBuilder
{
    public static DataQuality Build(ReportInputs inputs, List<FicheReport> fiches, List<int> retained, IReadOnlyList<ReportCheck> periodChecks)
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
                    return new UnreliableIndicator(g.Key, rows[^1].Label, rows.Select(s => s.Month).ToList(), AnnualReportModel.FigureText(new IndicatorFigure(rows[^1].Value, rows[^1].IsPercent, rows[^1].Text)))
                    {
                        LastReliableMonth = lastReliable?.Month,
                        LastReliableValue = lastReliable is null ? null : AnnualReportModel.FigureText(new IndicatorFigure(lastReliable.Value, lastReliable.IsPercent, lastReliable.Text)),
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
            sentences.Add($"Aucune valeur n'a été transmise pour {AnnualReportModel.MonthsPhrase(lost)} : {(lost.Count == 1 ? "ce mois manque" : "ces mois manquent")} pour {(followed == 1 ? "l'indicateur suivi" : $"les {followed} indicateurs suivis")} chaque mois.");
        }

        var never = gaps.Where(g => g.NotConsolidated).SelectMany(g => g.Months).ToList();
        if (never.Count > 0)
        {
            sentences.Add($"{Capitalize(AnnualReportModel.MonthsPhrase(never))} {(never.Count == 1 ? "n'a" : "n'ont")} jamais été consolidé{(never.Count == 1 ? string.Empty : "s")} : les indicateurs n'y ont pas de valeur.");
        }

        foreach (var g in gaps.Where(g => !g.NotConsolidated && g.Missing < g.Known))
        {
            sentences.Add($"En {AnnualReportModel.MonthsPhrase(g.Months)}, {g.Missing} indicateur{(g.Missing == 1 ? string.Empty : "s")} sur {g.Known} n'{(g.Missing == 1 ? "a" : "ont")} pas de valeur : {string.Join(" ; ", g.Labels)}.");
        }

        foreach (var group in unreliable.GroupBy(u => (First: u.Months[0], u.LastReliableMonth)).OrderBy(g => g.Key.First))
        {
            var count = group.Count();
            var from = AnnualReportModel.MonthName(group.Key.First) + " " + group.Key.First.Year.ToString(CultureInfo.InvariantCulture);
            var until = group.Key.LastReliableMonth is { } r
                ? $"{(count == 1 ? "sa" : "leur")} dernière valeur fiable est celle de {AnnualReportModel.MonthName(r)} {r.Year.ToString(CultureInfo.InvariantCulture)} (données arrêtées au {DateTime.DaysInMonth(r.Year, r.Month).ToString(CultureInfo.InvariantCulture)} {AnnualReportModel.MonthName(r)} {r.Year.ToString(CultureInfo.InvariantCulture)})"
                : $"aucune valeur fiable n'a été transmise en {year.ToString(CultureInfo.InvariantCulture)}";
            sentences.Add($"{(count == 1 ? "Les valeurs d'un indicateur sont déclarées" : $"Les valeurs de {count} indicateurs sont déclarées")} non fiables à partir de {from} : {until} ; le rapport les présente ainsi, avec le statut « {AnnualReportModel.UnreliableStatus} » ({string.Join(" ; ", group.Select(u => u.Label))}).");
        }

        return sentences;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], FrenchFormat.Culture) + text[1..];

    private static List<ReportCheck> Checks(ReportInputs inputs, List<FicheReport> fiches, List<int> retained)
    {
        var checks = new List<ReportCheck>();
        var outside = fiches.Where(f => retained.Count > 0 && f.Objectifs.Any(o => o >= 12 && !retained.Contains(o))).ToList();
        if (outside.Count > 0)
        {
            var list = AnnualReportModel.ListPhrase(outside.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Numero} (objectif {string.Join(", ", f.Objectifs.Where(o => o >= 12 && !retained.Contains(o)))})")).ToList());
            checks.Add(new ReportCheck("Objectifs", $"{(outside.Count == 1 ? "la fiche" : "les fiches")} {list} {(outside.Count == 1 ? "est rattachée" : "sont rattachées")} à un objectif facultatif que le Département n'a pas retenu (objectifs facultatifs retenus : {AnnualReportModel.ListPhrase(retained.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList())})."));
        }

        foreach (var f in fiches.Where(f => f.HasBudgetLine))
        {
            var subject = string.Create(CultureInfo.InvariantCulture, $"Fiche {f.Numero}");
            if (f.StatedTotal is { } stated && stated != f.Budget && f.Budget > 0)
            {
                checks.Add(new ReportCheck(subject, $"{f.StatedTotalSource} indique un total prévu de {FrenchFormat.Euros(stated)}, le rapport financier {FrenchFormat.Euros(f.Budget)} ; le pourcentage consommé est calculé sur le rapport financier : {FrenchFormat.Percent(f.Rate!.Value)} (il serait de {FrenchFormat.Percent(f.Consumed / stated)} sur ce total)."));
            }

            if (f.FundingDiffers)
            {
                checks.Add(new ReportCheck(subject, $"les financements par année du plan d'action totalisent {FrenchFormat.Euros(f.Funding.Sum(x => x.Total))}, le rapport financier prévoit {FrenchFormat.Euros(f.Budget)} ; le total et le pourcentage consommé de la fiche sont ceux du rapport financier."));
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
}
