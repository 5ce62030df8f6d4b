using System.Globalization;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// The data a report template reads: the model as a tree of names (documented in docs/template.md). Amounts and
/// ratios stay numbers so that templates choose their format with filters (<c>| euros</c>, <c>| pourcent</c>); texts
/// that depend on several values are given ready to print. Empty lists carry the shape of their items so that a tag
/// misspelt inside an empty loop is still reported.
/// </summary>
public static partial class ReportTemplateData
{
    private const string Blue = "2F5496";
    private const string Orange = "ED7D31";
    private const string Grey = "A5A5A5";

    public static Dictionary<string, object?> Build(AnnualReportModel model)
    {
        var year = model.Year;
        var indicators = model.Indicators.Select(i => Indicator(i, year)).ToList<object?>();
        var fiches = model.Fiches.Select(f => Fiche(f, year)).ToList<object?>();
        var statuses = model.Indicators.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());
        var quality = Quality(model);
        var synthese = Map(
            ("budgetPrevu", model.Total.BudgetGlobal),
            ("consommeAvant", model.Total.ConsumedBefore),
            ("consommeAnnee", model.Total.ConsumedInYear),
            ("consommeCumule", model.Total.ConsumedCumulative),
            ("nonConsomme", Math.Max(0, model.Total.BudgetGlobal - model.Total.ConsumedCumulative)),
            ("tauxConsommation", model.Total.Rate),
            ("nombreFiches", model.Fiches.Count),
            ("fichesAvecBilan", model.Fiches.Count(f => f.Bilan is not null)),
            ("nombreIndicateurs", model.Indicators.Count),
            ("indicateursAtteints", statuses.GetValueOrDefault(SnapshotStatus.Reached)),
            ("indicateursEnBonneVoie", statuses.GetValueOrDefault(SnapshotStatus.OnTrack)),
            ("indicateursEnRetard", statuses.GetValueOrDefault(SnapshotStatus.Late)),
            ("indicateursNonRenseignes", statuses.GetValueOrDefault(SnapshotStatus.Missing)),
            ("indicateursSansCible", statuses.GetValueOrDefault(SnapshotStatus.NoTarget)),
            ("moisIncomplets", model.Quality.Gaps.Count),
            ("avertissements", model.Quality.Warnings.Count + model.Quality.Checks.Count));
        return Map(
            ("departement", Map(("code", model.Departement.Code), ("nom", model.DepartementName))),
            ("annee", year),
            ("anneePrecedente", year - 1),
            ("anneeSuivante", year + 1),
            ("debutPeriode", model.PeriodStart),
            ("periode", model.PeriodStart == year ? year.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{model.PeriodStart}-{year}")),
            ("dateGeneration", model.GeneratedOn),
            ("aDonneesFinancieres", model.HasFinancialData),
            ("engagements", List(model.Engagements.Select(Engagement), Engagement(new EngagementBudget(string.Empty, [], BudgetTotals.Of([]))))),
            ("total", Totals(model.Total)),
            ("graphiqueBudget", model.HasFinancialData ? BudgetChart(model) : AnnexeChart(model)),
            ("synthese", synthese),
            ("chiffresCles", KeyFigures(model, synthese)),
            ("aIndicateurs", indicators.Count > 0),
            ("indicateurs", List(indicators, Indicator(new IndicatorReport { Definition = new IndicatorDefinition { Code = string.Empty, Label = string.Empty }, Status = SnapshotStatus.Missing }, year))),
            ("aFiches", fiches.Count > 0),
            ("fiches", List(fiches, Fiche(new FicheReport { Numero = 0, Intitule = string.Empty }, year))),
            ("qualite", quality),
            ("contrat", ContractOf(model)),
            ("aPlanParObjectif", model.Period.Annexe is not null),
            ("planParObjectif", AnnexeOf(model)),
            ("consolidation", ConsolidationOf(model)));
    }

    private static Dictionary<string, object?> Engagement(EngagementBudget e) => Map(
        ("titre", ReferenceData.EngagementTitle(e.Engagement)),
        ("nom", e.ShortName),
        ("lignes", List(e.Lines.Select((l, i) => Line(l, i == 0 ? null : e.Lines[i - 1])), Line(new BudgetLine { Year = 0, Engagement = string.Empty }, null))),
        ("sousTotal", Totals(e.Totals)));

    private static Dictionary<string, object?> Line(BudgetLine l, BudgetLine? previous) => Map(
        ("mesure", l.Mesure),
        ("objectif", l.Objectif),
        ("mesureGroupe", previous is not null && previous.Mesure == l.Mesure ? null : l.Mesure),
        ("objectifGroupe", previous is not null && previous.Mesure == l.Mesure && previous.Objectif == l.Objectif ? null : l.Objectif),
        ("fiche", l.Fiche),
        ("budgetGlobal", l.BudgetGlobal),
        ("departement", l.Departement),
        ("fir", l.Fir),
        ("etat", l.Etat),
        ("ondam", l.Ondam),
        ("modalite", l.Modalite),
        ("consommeAvant", l.ConsumedBefore),
        ("consommeAnnee", l.ConsumedInYear),
        ("consommeCumule", l.ConsumedCumulative),
        ("tauxConsommation", l.BudgetGlobal > 0 ? l.ConsumedCumulative / l.BudgetGlobal : null));

    private static Dictionary<string, object?> Totals(BudgetTotals t) => Map(
        ("budgetGlobal", t.BudgetGlobal),
        ("departement", t.Departement),
        ("fir", t.Fir),
        ("etat", t.Etat),
        ("ondam", t.Ondam),
        ("consommeAvant", t.ConsumedBefore),
        ("consommeAnnee", t.ConsumedInYear),
        ("consommeCumule", t.ConsumedCumulative),
        ("tauxConsommation", t.Rate));

    private static TemplateList KeyFigures(AnnualReportModel model, Dictionary<string, object?> s)
    {
        string Count(string key) => Convert.ToInt32(s[key], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var rows = new List<(string, string)>();
        if (model.HasFinancialData)
        {
            rows.Add(($"Budget prévu {model.PeriodStart}-{model.Year}", FrenchFormat.Euros(model.Total.BudgetGlobal)));
            rows.Add(($"Consommé {model.PeriodStart}-{model.Year}", FrenchFormat.Euros(model.Total.ConsumedCumulative) + (model.Total.Rate is { } r ? $" ({FrenchFormat.Percent(r)})" : string.Empty)));
            rows.Add(($"dont consommé en {model.Year}", FrenchFormat.Euros(model.Total.ConsumedInYear)));
            rows.Add(("Non consommé", FrenchFormat.Euros(Math.Max(0, model.Total.BudgetGlobal - model.Total.ConsumedCumulative))));
        }

        rows.AddRange(AnnexeKeyFigures(model));

        rows.Add(("Fiches actions", $"{Count("nombreFiches")} (dont {Count("fichesAvecBilan")} avec un bilan {model.Year})"));
        if (model.Indicators.Count > 0)
        {
            rows.Add(("Indicateurs suivis", Count("nombreIndicateurs")));
            rows.Add(("Atteints / en bonne voie / en retard", $"{Count("indicateursAtteints")} / {Count("indicateursEnBonneVoie")} / {Count("indicateursEnRetard")}"));
            rows.Add(("Non renseignés / sans cible", $"{Count("indicateursNonRenseignes")} / {Count("indicateursSansCible")}"));
        }

        if (model.Quality.HasMonthlyData)
        {
            rows.Add(("Mois incomplets du suivi mensuel", Count("moisIncomplets")));
        }

        rows.Add(("Points de vigilance sur les données", Count("avertissements")));
        return List(rows.Select(r => Map(("libelle", r.Item1), ("valeur", r.Item2))), Map(("libelle", string.Empty), ("valeur", string.Empty)));
    }

    private static ChartData BudgetChart(AnnualReportModel model) =>
        new(
            ChartKind.Bar,
            $"Budget prévu et consommé {model.PeriodStart}-{model.Year} par engagement",
            model.Engagements.Select(e => e.ShortName).ToList(),
            [
                new ChartSeries("Budget prévu", model.Engagements.Select(e => (decimal?)e.Totals.BudgetGlobal).ToList(), Blue),
                new ChartSeries($"Consommé {model.PeriodStart}-{model.Year}", model.Engagements.Select(e => (decimal?)e.Totals.ConsumedCumulative).ToList(), Orange),
            ])
        {
            NumberFormat = "#,##0\\ \"€\"",
            WidthCm = 16,
            HeightCm = 9,
            Description = "Graphique en barres : budget prévu et consommé par engagement.",
        };

    private static Dictionary<string, object?> Indicator(IndicatorReport i, int year) => Map(
        ("code", i.Code),
        ("libelle", i.Label),
        ("objectif", i.Objectif),
        ("fiche", i.Fiche),
        ("fondamental", i.Fundamental),
        ("reference", AnnualReportModel.FigureText(i.Baseline)),
        ("dateReference", i.BaselineDate),
        ("source", i.Source),
        ("cibles", i.Targets.Count == 0 ? null : string.Join(" ; ", i.Targets.OrderBy(t => t.Key).Select(t => $"{t.Key} : {AnnualReportModel.FigureText(t.Value)}"))),
        ("cible", AnnualReportModel.FigureText(i.Target)),
        ("atteint", AnnualReportModel.FigureText(i.AchievedInYear)),
        ("moisAtteint", i.AchievedMonth is { } m ? new DateOnly(m.Year, m.Month, 1).ToString("MMMM yyyy", FrenchFormat.Culture) : null),
        ("statut", i.Status.Label()),
        ("fiable", i.Reliable),
        ("graphique", i.IsNumeric ? TrajectoryChart(i, year) : null));

    private static ChartData TrajectoryChart(IndicatorReport i, int year)
    {
        var points = i.Points(year);
        var percent = i.Baseline?.IsPercent ?? i.Targets.Values.Concat(i.Achieved.Values).Any(f => f.IsPercent);
        return new ChartData(
            ChartKind.Line,
            i.Label,
            points.Select(p => p.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "Référence" + (i.BaselineDate is { Length: > 0 } d ? " " + d : string.Empty)).ToList(),
            [
                new ChartSeries("Cible", points.Select(p => p.Target).ToList(), Grey),
                new ChartSeries("Réalisé", points.Select(p => p.Achieved).ToList(), Blue),
            ])
        {
            NumberFormat = percent ? "0.0%" : "#,##0",
            WidthCm = 14,
            HeightCm = 6.5,
            Description = $"Trajectoire de l'indicateur « {i.Label} » : référence, cibles et valeurs réalisées.",
        };
    }

    private static Dictionary<string, object?> Fiche(FicheReport f, int year)
    {
        var indicators = f.Indicators.Select(i => Indicator(i, year)).ToList<object?>();
        var objectiveLabel = ReferenceData.ObjectiveLabel(f.Objectif);
        return Map(
            ("numero", f.Numero),
            ("intitule", f.Intitule),
            ("objectif", f.Objectif is { } o ? Map(("numero", o), ("libelle", objectiveLabel), ("nature", ReferenceData.ObjectiveNature(o))) : null),
            ("objectifTexte", f.Objectif is { } n ? string.Create(CultureInfo.InvariantCulture, $"Objectif {n}") + (objectiveLabel is null ? string.Empty : " : " + objectiveLabel) : "Sans objectif"),
            ("engagement", f.Engagement),
            ("theme", f.Theme),
            ("referent", f.Referent),
            ("aBudget", f.Budget > 0),
            ("budget", f.Budget),
            ("consommeAvant", f.ConsumedBefore),
            ("consommeAnnee", f.ConsumedInYear),
            ("consomme", f.Consumed),
            ("tauxConsommation", f.Rate),
            ("nonConsomme", f.NotConsumed),
            ("aDepassement", f.Budget > 0 && f.Overrun > 0),
            ("depassement", f.Overrun),
            ("totalFiche", f.StatedTotal),
            ("aEcartTotal", f.StatedTotal is { } t && f.HasBudgetLine && t != f.Budget),
            ("aBilan", f.Bilan is not null),
            ("constat", f.Bilan?.Constat),
            ("objectifOperationnel", f.Bilan?.ObjectifOperationnel),
            ("description", f.Bilan?.Description),
            ("acteurs", f.Bilan?.Acteurs),
            ("bilanQualitatif", f.Bilan?.BilanQualitatif),
            ("aPoursuivre", f.Bilan?.APoursuivre),
            ("aIndicateurs", indicators.Count > 0),
            ("indicateurs", List(indicators, Indicator(new IndicatorReport { Definition = new IndicatorDefinition { Code = string.Empty, Label = string.Empty }, Status = SnapshotStatus.Missing }, year))));
    }

    private static Dictionary<string, object?> Quality(AnnualReportModel model)
    {
        var q = model.Quality;
        var gaps = q.Gaps.Select(g => Map(
            ("mois", MonthText(g.Month)),
            ("manquants", g.Missing),
            ("total", g.Known),
            ("nonConsolide", g.NotConsolidated),
            ("detail", g.NotConsolidated
                ? "aucune consolidation n'a été faite pour ce mois"
                : g.Missing == g.Known ? "aucun indicateur renseigné" : $"{g.Missing} indicateurs sur {g.Known} non renseignés : {string.Join(" ; ", g.Labels.Take(5))}{(g.Labels.Count > 5 ? " ; …" : string.Empty)}")));
        var unreliable = q.Unreliable.Select(u => Map(
            ("code", u.Code),
            ("libelle", u.Label),
            ("mois", MonthsText(u.Months)),
            ("derniereValeur", u.LastValue)));
        var warnings = q.Warnings.Select(w => Map(
            ("fichier", w.FileName),
            ("gravite", w.Severity),
            ("message", w.Message),
            ("feuille", w.Sheet),
            ("cellule", w.Cell),
            ("emplacement", w.Sheet is null ? w.Cell : w.Cell is null ? w.Sheet : $"{w.Sheet}, {w.Cell}"),
            ("vu", w.Seen),
            ("attendu", w.Expected)));
        var checks = q.Checks.Select(c => Map(("sujet", c.Subject), ("message", c.Message)));
        return Map(
            ("aSuiviMensuel", q.HasMonthlyData),
            ("aMoisManquants", q.Gaps.Count > 0),
            ("moisManquants", List(gaps, Map(("mois", null), ("manquants", 0), ("total", 0), ("nonConsolide", false), ("detail", null)))),
            ("aValeursNonFiables", q.Unreliable.Count > 0),
            ("valeursNonFiables", List(unreliable, Map(("code", null), ("libelle", null), ("mois", null), ("derniereValeur", null)))),
            ("aAvertissements", q.Warnings.Count > 0),
            ("avertissements", List(warnings, Map(("fichier", null), ("gravite", null), ("message", null), ("feuille", null), ("cellule", null), ("emplacement", null), ("vu", null), ("attendu", null)))),
            ("aControles", q.Checks.Count > 0),
            ("controles", List(checks, Map(("sujet", null), ("message", null)))));
    }

    private static string MonthText(YearMonth m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM yyyy", FrenchFormat.Culture);

    /// <summary>"juillet à décembre 2022" for consecutive months, else "janvier, mars 2022".</summary>
    private static string MonthsText(IReadOnlyList<YearMonth> months)
    {
        string Name(YearMonth m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM", FrenchFormat.Culture);
        if (months.Count == 0)
        {
            return string.Empty;
        }

        var year = months[^1].Year.ToString(CultureInfo.InvariantCulture);
        var consecutive = months.Zip(months.Skip(1)).All(p => p.First.Next() == p.Second);
        return months.Count == 1 ? $"{Name(months[0])} {year}"
            : consecutive ? $"{Name(months[0])} à {Name(months[^1])} {year}"
            : $"{string.Join(", ", months.Select(Name))} {year}";
    }

    private static TemplateList List(IEnumerable<object?> items, Dictionary<string, object?> shape) => new(items.ToList(), shape);

    private static TemplateList List(IEnumerable<Dictionary<string, object?>> items, Dictionary<string, object?> shape) => new(items.Cast<object?>().ToList(), shape);

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] values)
    {
        var map = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }
}
