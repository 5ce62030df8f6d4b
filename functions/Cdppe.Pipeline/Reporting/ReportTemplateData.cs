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
        var indicatorShape = Indicator(new IndicatorReport { Definition = new IndicatorDefinition { Code = string.Empty, Label = string.Empty }, Status = string.Empty }, year);
        var fiches = model.Fiches.Select(f => Fiche(f, year)).ToList<object?>();
        var statuses = model.Indicators.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var quality = Quality(model);
        // In the tableau de bord's order: the indicators with a status, then the context series.
        var monthly = model.Indicators.OrderBy(i => i.IsContext).Select(i => MonthlyIndicatorChart.Of(i, year)).OfType<ChartData>().ToList();
        var summaries = model.Period.Annexe is null ? EngagementSummaries(model) : AnnexeEngagementSummaries(model);
        var synthese = Map(
            ("budgetPrevu", model.Total.BudgetGlobal),
            ("consommeAvant", model.Total.ConsumedBefore),
            ("consommeAnnee", model.Total.ConsumedInYear),
            ("consommeCumule", model.Total.ConsumedCumulative),
            ("nonConsomme", Math.Max(0, model.Total.BudgetGlobal - model.Total.ConsumedCumulative)),
            ("nonConsommeBrut", model.Engagements.SelectMany(e => e.Lines).Sum(l => Math.Max(0, l.BudgetGlobal - l.ConsumedCumulative))),
            ("depassements", model.Engagements.SelectMany(e => e.Lines).Sum(l => Math.Max(0, l.ConsumedCumulative - l.BudgetGlobal))),
            ("tauxConsommation", model.Total.Rate),
            ("nombreFiches", model.Fiches.Count),
            ("fichesAvecBilan", model.Fiches.Count(f => f.HasBilan)),
            ("nombreIndicateurs", model.Indicators.Count),
            ("indicateursAtteints", statuses.GetValueOrDefault(SnapshotStatus.Reached.Label())),
            ("indicateursEnBonneVoie", statuses.GetValueOrDefault(SnapshotStatus.OnTrack.Label())),
            ("indicateursEnRetard", statuses.GetValueOrDefault(SnapshotStatus.Late.Label())),
            ("indicateursNonRenseignes", statuses.GetValueOrDefault(SnapshotStatus.Missing.Label())),
            ("indicateursSansCible", statuses.GetValueOrDefault(SnapshotStatus.NoTarget.Label())),
            ("indicateursNonFiables", statuses.GetValueOrDefault(AnnualReportModel.UnreliableStatus)),
            ("indicateursContexte", model.Indicators.Count(i => i.IsContext)),
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
            ("engagements", List(model.Engagements.Select(e => Engagement(e, model.PrintedTotals)), Engagement(new EngagementBudget(string.Empty, [], BudgetTotals.Of([])), []))),
            ("total", Totals(model.Total, model.PrintedTotals.Where(p => p.Engagement is null))),
            ("aEcartsTotaux", model.PrintedTotals.Count > 0),
            ("ecartsTotaux", List(model.PrintedTotals.Select(p => PrintedTotal(p, model)), Map(("libelle", null), ("recalcule", null), ("imprime", null), ("emplacement", null)))),
            ("graphiqueBudget", model.HasFinancialData ? BudgetChart(model) : AnnexeChart(model)),
            ("synthese", synthese),
            ("chiffresCles", KeyFigures(model, synthese)),
            ("aIndicateurs", indicators.Count > 0),
            ("indicateurs", List(indicators, indicatorShape)),
            ("indicateursAvecStatut", List(model.Indicators.Where(i => !i.IsContext).Select(i => Indicator(i, year)), indicatorShape)),
            ("aSeriesContexte", model.Indicators.Any(i => i.IsContext)),
            ("seriesContexte", List(model.Indicators.Where(i => i.IsContext).Select(i => Indicator(i, year)), indicatorShape)),
            ("aGraphiquesMensuels", monthly.Count > 0),
            ("graphiquesMensuels", List(monthly.Chunk(2).Select(pair => Map(("gauche", pair[0]), ("droite", pair.Length > 1 ? pair[1] : null))), Map(("gauche", null), ("droite", null)))),
            ("aFiches", fiches.Count > 0),
            ("fiches", List(fiches, Fiche(new FicheReport { Numero = 0, Intitule = string.Empty }, year))),
            ("qualite", quality),
            ("objectifsNationaux", List(NationalObjectives.All.Select(o => NationalObjective(o, model)), NationalObjective(NationalObjectives.All[0], model))),
            ("aObjectifsRetenus", model.RetainedObjectives is not null),
            ("objectifsRetenus", model.RetainedObjectives is { } retained ? AnnualReportModel.ListPhrase(retained.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList()) : null),
            ("aFichesHorsObjectifsRetenus", model.FichesOutsideRetained.Count > 0),
            ("fichesHorsObjectifsRetenus", List(model.FichesOutsideRetained.Select(f => Map(("numero", f.Numero), ("intitule", f.Intitule), ("objectifs", string.Join(", ", f.Objectifs.Where(o => o >= 12 && !model.RetainedObjectives!.Contains(o)))))), Map(("numero", 0), ("intitule", null), ("objectifs", null)))),
            ("aSyntheseEngagements", summaries.Count > 0),
            ("syntheseEngagements", List(summaries, EngagementSummary(string.Empty, [], null, [], AnnexeEngagementShape))),

            ("contrat", ContractOf(model)),
            ("aPlanParObjectif", model.Period.Annexe is not null),
            ("planParObjectif", AnnexeOf(model)),
            ("consolidation", ConsolidationOf(model)));
    }

    /// <summary>One of the 26 national objectives: nature, whether the département retained it, the fiches attached to it.</summary>
    private static Dictionary<string, object?> NationalObjective(NationalObjective o, AnnualReportModel model)
    {
        var fiches = model.Period.Annexe is { } annexe
            ? AnnexeActionCodes(annexe, o.Numero)
            : model.Fiches.Where(f => f.Objectifs.Contains(o.Numero)).Select(f => f.Numero.ToString(CultureInfo.InvariantCulture)).ToList();
        var engagement = o.Engagement == "Conditions pour y parvenir" ? "Transverse" : o.Engagement;
        var choice = o.Fundamental ? "fondamental" : model.RetainedObjectives is not { } retained ? "facultatif" : retained.Contains(o.Numero) ? "facultatif, retenu" : "facultatif, non retenu";
        return Map(
            ("numero", o.Numero),
            ("libelle", PeriodWording(ReferenceData.ObjectiveLabel(o.Numero) ?? o.Libelle, model)),
            ("nature", o.Nature),
            ("engagement", engagement),
            ("choix", choice),
            ("fiches", fiches.Count == 0 ? "—" : string.Join(", ", fiches)));
    }

    /// <summary>Per engagement, in order: its fiches, budget and consumption, and its indicators by status.</summary>
    private static List<Dictionary<string, object?>> EngagementSummaries(AnnualReportModel model)
    {
        string? EngagementOf(int? objective) => NationalObjectives.Get(objective)?.Engagement;
        var fichesByNumber = model.Fiches.ToDictionary(f => f.Numero);
        var names = model.Engagements.Select(e => e.Engagement)
            .Concat(model.Fiches.Select(f => f.Engagement ?? EngagementOf(f.Objectif)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.StartsWith("Engagement", StringComparison.Ordinal) ? n : "~" + n, StringComparer.Ordinal)
            .ToList();
        return names.Select(name =>
        {
            var fiches = model.Fiches.Where(f => (f.Engagement ?? EngagementOf(f.Objectif)) == name).ToList();
            var indicators = model.Indicators.Where(i => (i.Fiche is { } n && fichesByNumber.TryGetValue(n, out var f) ? f.Engagement ?? EngagementOf(f.Objectif) : EngagementOf(i.Objectif)) == name).ToList();
            return EngagementSummary(name, fiches, model.Engagements.FirstOrDefault(e => e.Engagement == name)?.Totals, indicators);
        }).ToList();
    }

    private static Dictionary<string, object?> EngagementSummary(string name, IReadOnlyList<FicheReport> fiches, BudgetTotals? totals, IReadOnlyList<IndicatorReport> indicators, AnnexeEngagement? annexe = null)
    {
        var statuses = indicators.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var parts = new (string Status, string One, string Many)[]
        {
            (SnapshotStatus.Reached.Label(), "atteint", "atteints"), (SnapshotStatus.OnTrack.Label(), "en bonne voie", "en bonne voie"), (SnapshotStatus.Late.Label(), "en retard", "en retard"),
            (SnapshotStatus.Missing.Label(), "non renseigné", "non renseignés"), (AnnualReportModel.UnreliableStatus, "non fiable", "non fiables"), (SnapshotStatus.NoTarget.Label(), "sans cible", "sans cible"),
            (string.Empty, "série de contexte", "séries de contexte"),
        }.Where(p => statuses.GetValueOrDefault(p.Status) > 0).Select(p => $"{statuses[p.Status]} {(statuses[p.Status] == 1 ? p.One : p.Many)}").ToList();
        return Map(
            ("nom", name),
            ("titre", ReferenceData.EngagementTitle(name)),
            ("aFiches", fiches.Count > 0 || annexe is null),
            ("nombreFiches", fiches.Count),
            ("fiches", fiches.Count == 0 ? "aucune" : string.Join(", ", fiches.Select(f => f.Numero.ToString(CultureInfo.InvariantCulture)))),
            ("aBudget", totals is not null),
            ("budget", totals?.BudgetGlobal),
            ("consomme", totals?.ConsumedCumulative),
            ("consommeAnnee", totals?.ConsumedInYear),
            ("tauxConsommation", totals?.Rate),
            ("aPlanParObjectif", annexe is not null),
            ("plan", AnnexeEngagementFigures(annexe ?? AnnexeEngagementShape)),
            ("nombreIndicateurs", indicators.Count),
            ("indicateursTexte", indicators.Count == 0 ? "aucun indicateur" : $"{indicators.Count} indicateur{(indicators.Count == 1 ? string.Empty : "s")} : {string.Join(", ", parts)}"));
    }

    private static Dictionary<string, object?> Engagement(EngagementBudget e, IReadOnlyList<PrintedTotal> printed)
    {
        var lines = new List<object?>();
        for (var i = 0; i < e.Lines.Count; i++)
        {
            var objective = i < e.Objectives.Count ? e.Objectives[i] : e.Lines[i].Objectif;
            var newMesure = i == 0 || e.Lines[i - 1].Mesure != e.Lines[i].Mesure;
            var newObjective = newMesure || (i < e.Objectives.Count ? e.Objectives[i - 1] : e.Lines[i - 1].Objectif) != objective;
            lines.Add(Line(e.Lines[i], objective, newMesure, newObjective));
        }

        return Map(
            ("titre", ReferenceData.EngagementTitle(e.Engagement)),
            ("nom", e.ShortName),
            ("lignes", List(lines, Line(new BudgetLine { Year = 0, Engagement = string.Empty }, null, true, true))),
            ("sousTotal", Totals(e.Totals, printed.Where(p => p.Engagement == e.Engagement && e.Engagement.Length > 0))));
    }

    /// <summary>
    /// A line of the rapport financier. Mesure and objective cells merge vertically as in the published table: exactly
    /// one of <c>nouvelleMesure</c> (both cells start), <c>nouvelObjectif</c> (the mesure continues, the objective
    /// starts) and <c>suiteObjectif</c> (both continue) is true, so that a template can give each case its own row.
    /// </summary>
    private static Dictionary<string, object?> Line(BudgetLine l, string? objective, bool newMesure, bool newObjective) => Map(
        ("mesure", l.Mesure),
        ("objectif", objective),
        ("mesureGroupe", newMesure ? l.Mesure : null),
        ("objectifGroupe", newObjective ? objective : null),
        ("nouvelleMesure", newMesure),
        ("nouvelObjectif", !newMesure && newObjective),
        ("suiteObjectif", !newObjective),
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

    private static readonly string[] AmountColumns = ["budgetGlobal", "departement", "fir", "etat", "ondam", "consommeAvant", "consommeAnnee", "consommeCumule"];

    private static Dictionary<string, object?> Totals(BudgetTotals t, IEnumerable<PrintedTotal>? printed = null)
    {
        var differences = (printed ?? []).ToDictionary(p => p.Column, p => (object?)p.Printed, StringComparer.Ordinal);
        return Map(
            ("budgetGlobal", t.BudgetGlobal),
            ("departement", t.Departement),
            ("fir", t.Fir),
            ("etat", t.Etat),
            ("ondam", t.Ondam),
            ("consommeAvant", t.ConsumedBefore),
            ("consommeAnnee", t.ConsumedInYear),
            ("consommeCumule", t.ConsumedCumulative),
            ("tauxConsommation", t.Rate),
            ("imprime", Map(AmountColumns.Select(c => (c, differences.GetValueOrDefault(c))).ToArray())));
    }

    private static Dictionary<string, object?> PrintedTotal(PrintedTotal p, AnnualReportModel model)
    {
        var column = p.Column switch
        {
            "budgetGlobal" => "budget global",
            "departement" => "Département",
            "fir" => "FIR",
            "etat" => "État",
            "ondam" => "ONDAM",
            "consommeAvant" => $"consommé au 31/12/{model.Year - 1}",
            "consommeAnnee" => $"consommé en {model.Year}",
            _ => $"consommé {model.PeriodStart}-{model.Year}",
        };
        var where = p.Engagement switch
        {
            null => "Total",
            { } e when e.StartsWith("Engagement", StringComparison.OrdinalIgnoreCase) => $"Sous-total de l'{e.Split(" : ", 2)[0].Trim().ToLower(FrenchFormat.Culture)}",
            { } e => $"Sous-total « {e} »",
        };
        return Map(
            ("libelle", $"{where}, {column}"),
            ("recalcule", p.Recomputed),
            ("imprime", p.Printed),
            ("emplacement", p.Sheet is null ? p.Cell : p.Cell is null ? p.Sheet : $"{p.Sheet}, {p.Cell}"));
    }

    private static TemplateList KeyFigures(AnnualReportModel model, Dictionary<string, object?> s)
    {
        string Count(string key) => Convert.ToInt32(s[key], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var rows = new List<(string, string)>();
        if (model.HasFinancialData)
        {
            rows.Add(($"Budget prévu {model.PeriodStart}-{model.Year}", FrenchFormat.Euros(model.Total.BudgetGlobal)));
            rows.Add(($"Consommé {model.PeriodStart}-{model.Year}", FrenchFormat.Euros(model.Total.ConsumedCumulative) + (model.Total.Rate is { } r ? $" ({FrenchFormat.Percent(r)})" : string.Empty)));
            rows.Add(($"dont consommé en {model.Year}", FrenchFormat.Euros(model.Total.ConsumedInYear)));
            rows.Add(("Non consommé, net des dépassements", FrenchFormat.Euros((decimal)s["nonConsomme"]!)));
            var overruns = model.Engagements.SelectMany(e => e.Lines).Where(l => l.ConsumedCumulative > l.BudgetGlobal).ToList();
            if (overruns.Count > 0)
            {
                rows.Add(($"Non consommé des lignes sous leur budget, sans compter les dépassements ({FrenchFormat.Euros((decimal)s["depassements"]!)} : {Fiches(overruns)})", FrenchFormat.Euros((decimal)s["nonConsommeBrut"]!)));
            }
        }

        rows.AddRange(AnnexeKeyFigures(model));

        var withoutBilan = model.Fiches.Where(f => !f.HasBilan).Select(f => f.Numero.ToString(CultureInfo.InvariantCulture)).ToList();
        if (model.Fiches.Count > 0 || !model.Period.IsAvenant)
        {
            rows.Add(("Fiches actions", $"{Count("nombreFiches")} (dont {Count("fichesAvecBilan")} avec un bilan {model.Year}{(withoutBilan.Count is > 0 and <= 5 ? $" ; sans bilan : fiche{(withoutBilan.Count > 1 ? "s" : string.Empty)} {string.Join(", ", withoutBilan)}" : string.Empty)})"));
        }

        if (model.Indicators.Count > 0)
        {
            rows.Add(("Indicateurs suivis", Count("nombreIndicateurs")));
            rows.Add(("Atteints / en bonne voie / en retard", $"{Count("indicateursAtteints")} / {Count("indicateursEnBonneVoie")} / {Count("indicateursEnRetard")}"));
            rows.Add(("Non renseignés / sans cible / non fiables", $"{Count("indicateursNonRenseignes")} / {Count("indicateursSansCible")} / {Count("indicateursNonFiables")}"));
            rows.Add(("Séries de contexte, sans cible ni statut", Count("indicateursContexte")));
        }

        if (model.Quality.HasMonthlyData)
        {
            rows.Add(("Mois incomplets du suivi mensuel", Count("moisIncomplets")));
        }

        rows.Add(("Points de vigilance sur les données", Count("avertissements")));
        return List(rows.Select(r => Map(("libelle", r.Item1), ("valeur", r.Item2))), Map(("libelle", string.Empty), ("valeur", string.Empty)));
    }

    /// <summary>"fiches 39 et 40", "la ligne « Mieux articuler… »".</summary>
    private static string Fiches(IReadOnlyList<BudgetLine> lines)
    {
        var numbers = lines.Select(l => l.Fiche?.ToString(CultureInfo.InvariantCulture) ?? "sans numéro").ToList();
        return (numbers.Count == 1 ? "fiche " : "fiches ") + AnnualReportModel.ListPhrase(numbers);
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
            NumberFormat = FrenchChartFormats.Euros,
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
        ("cibles", i.IsContext ? null : string.Join(" ; ", i.Targets.OrderBy(t => t.Key).Select(t => $"{t.Key} : {AnnualReportModel.FigureText(t.Value)}"))),
        ("cible", i.IsContext ? null : AnnualReportModel.FigureText(i.Target)),
        ("atteint", AnnualReportModel.FigureText(i.AchievedInYear)),
        ("moisAtteint", i.AchievedMonth is { } m ? new DateOnly(m.Year, m.Month, 1).ToString("MMMM yyyy", FrenchFormat.Culture) : null),
        ("statut", i.Status),
        ("baseStatut", i.StatusBasis),
        ("contexte", i.IsContext),
        ("fiable", i.Reliable),
        ("fiableJusqua", i.ReliableUntil is { } until ? MonthText(until) : null),
        ("graphique", i.HasChart ? TrajectoryChart(i, year) : null),
        ("graphiqueMensuel", MonthlyIndicatorChart.Of(i, year)));

    /// <summary>Graduations of whole percents for a rate axis up to <paramref name="max"/> (a ratio): 1, 2, 5, 10 or 20 %.</summary>
    private static decimal PercentStep(decimal max) => new[] { 0.01m, 0.02m, 0.05m, 0.1m, 0.2m }.FirstOrDefault(step => max / step <= 8, 0.2m);

    private static ChartData TrajectoryChart(IndicatorReport i, int year)
    {
        var points = i.Points(year);
        var percent = i.Baseline?.IsPercent ?? i.Targets.Values.Concat(i.Achieved.Values).Any(f => f.IsPercent);

        // The year's value when its latest months were declared unreliable is only the last reliable one: drawn as a
        // series of its own, named with its month, never as the year's « Réalisé ».
        var unreliableYear = i.Reliable ? (int?)null : year;
        List<ChartSeries> series =
        [
            new("Cible", points.Select(p => p.Target).ToList(), Grey),
            new("Réalisé", points.Select(p => p.Year == unreliableYear ? null : p.Achieved).ToList(), Blue),
        ];
        if (unreliableYear is not null)
        {
            series.Add(new ChartSeries($"Dernière valeur fiable ({(i.ReliableUntil is { } m ? MonthText(m) : year.ToString(CultureInfo.InvariantCulture))}), mois suivants non fiables", points.Select(p => p.Year == unreliableYear ? p.Achieved : null).ToList(), Orange));
        }

        return new ChartData(
            ChartKind.Line,
            i.Label,
            points.Select(p => p.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "Référence" + (i.BaselineDate is { Length: > 0 } d ? " " + d : string.Empty)).ToList(),
            series)
        {
            NumberFormat = percent ? FrenchChartFormats.Percent : FrenchChartFormats.Count,
            MajorUnit = percent ? PercentStep(points.SelectMany(p => new[] { p.Target, p.Achieved }).OfType<decimal>().DefaultIfEmpty(0).Max()) : null,
            WidthCm = 14,
            HeightCm = 6.5,
            Description = $"Trajectoire de l'indicateur « {i.Label} » : référence, cibles et valeurs réalisées.",
        };
    }

    private static Dictionary<string, object?> Fiche(FicheReport f, int year)
    {
        var indicators = f.Indicators.Select(i => Indicator(i, year)).ToList<object?>();
        return Map(
            ("numero", f.Numero),
            ("intitule", f.Intitule),
            ("objectifsNumeros", f.Objectifs.Count == 0 ? "sans objectif" : string.Join(", ", f.Objectifs)),
            ("objectif", f.Objectif is { } o ? Map(("numero", o), ("libelle", ReferenceData.ObjectiveLabel(o)), ("nature", ReferenceData.ObjectiveNature(o))) : null),
            ("objectifTexte", ObjectiveText(f.Objectif)),
            ("objectifs", List(f.Objectifs.Select(o => Map(("numero", o), ("libelle", ReferenceData.ObjectiveLabel(o)), ("nature", ReferenceData.ObjectiveNature(o)), ("texte", ObjectiveText(o)))), Map(("numero", 0), ("libelle", null), ("nature", null), ("texte", null)))),
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
            ("sourceTotalFiche", f.StatedTotalSource),
            ("aEcartTotal", f.StatedTotal is { } t && f.HasBudgetLine && t != f.Budget),
            ("aFinancements", f.Funding.Count > 0),
            ("aEcartFinancements", f.FundingDiffers),
            ("financements", List(f.Funding.Select(Funding), Funding(new PlannedFunding { Fiche = 0, Year = 0 }))),
            ("financementTotal", Funding(new PlannedFunding { Fiche = f.Numero, Year = 0, Departement = f.Funding.Sum(x => x.Departement), Fir = f.Funding.Sum(x => x.Fir), Etat = f.Funding.Sum(x => x.Etat), Ondam = f.Funding.Sum(x => x.Ondam) })),
            ("moyens", f.Bilan?.Moyens),
            ("documentsReference", f.Bilan?.DocumentsReference),
            ("aBilan", f.HasBilan),
            ("constat", f.Bilan?.Constat),
            ("objectifOperationnel", f.Bilan?.ObjectifOperationnel),
            ("description", f.Bilan?.Description),
            ("acteurs", f.Bilan?.Acteurs),
            ("bilanQualitatif", f.Bilan?.BilanQualitatif),
            ("aPoursuivre", f.Bilan?.APoursuivre),
            ("aIndicateurs", indicators.Count > 0),
            ("indicateurs", List(indicators, Indicator(new IndicatorReport { Definition = new IndicatorDefinition { Code = string.Empty, Label = string.Empty }, Status = string.Empty }, year))));
    }

    /// <summary>Indicator codes of a message replaced by their labels: readers never see internal codes.</summary>
    private static string WithLabels(string message, Dictionary<string, string> labels) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b", m => labels.TryGetValue(m.Value, out var label) ? $"« {label} »" : m.Value);

    private static string ObjectiveText(int? objective) => objective is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"Objectif {n}") + (ReferenceData.ObjectiveLabel(n) is { } label ? " : " + label : string.Empty)
        : "Sans objectif";

    private static Dictionary<string, object?> Funding(PlannedFunding f) => Map(
        ("annee", f.Year),
        ("departement", f.Departement),
        ("fir", f.Fir),
        ("etat", f.Etat),
        ("ondam", f.Ondam),
        ("total", f.Total));

    private static Dictionary<string, object?> Quality(AnnualReportModel model)
    {
        var q = model.Quality;
        var gaps = q.Gaps.Select(g => Map(
            ("mois", AnnualReportModel.MonthsPhrase(g.Months)),
            ("manquants", g.Missing),
            ("total", g.Known),
            ("nonConsolide", g.NotConsolidated),
            ("detail", g.NotConsolidated
                ? "aucune consolidation n'a été faite pour ce mois"
                : g.Missing == g.Known ? $"aucune valeur transmise pour les {g.Known} indicateurs suivis chaque mois" : $"{g.Missing} indicateurs sur {g.Known} sans valeur : {string.Join(" ; ", g.Labels)}")));
        var unreliable = q.Unreliable.Select(u => Map(
            ("code", u.Code),
            ("libelle", u.Label),
            ("mois", AnnualReportModel.MonthsPhrase(u.Months)),
            ("derniereValeur", u.LastValue),
            ("derniereValeurFiable", u.LastReliableValue is { } v && u.LastReliableMonth is { } m ? $"{v} ({MonthText(m)})" : "aucune")));
        var labels = model.Indicators.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
        var warnings = q.Warnings.Select(w => Map(
            ("fichier", w.FileName),
            ("gravite", w.Severity),
            ("message", WithLabels(w.Message, labels)),
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
            ("valeursNonFiables", List(unreliable, Map(("code", null), ("libelle", null), ("mois", null), ("derniereValeur", null), ("derniereValeurFiable", null)))),
            ("aExplications", q.Explanations.Count > 0),
            ("explications", List(q.Explanations.Select(e => Map(("texte", e))), Map(("texte", null)))),
            ("aAvertissements", q.Warnings.Count > 0),
            ("avertissements", List(warnings, Map(("fichier", null), ("gravite", null), ("message", null), ("feuille", null), ("cellule", null), ("emplacement", null), ("vu", null), ("attendu", null)))),
            ("aControles", q.Checks.Count > 0),
            ("controles", List(checks, Map(("sujet", null), ("message", null)))));
    }

    private static string MonthText(YearMonth m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM yyyy", FrenchFormat.Culture);

    private static TemplateList List(IEnumerable<object?> items, Dictionary<string, object?> shape) => new(items.ToList(), shape);

    private static TemplateList List(IEnumerable<Dictionary<string, object?>> items, Dictionary<string, object?> shape) => new(items.Cast<object?>().ToList(), shape);

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] values)
    {
        var map = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            map[key] = value is string text ? FrenchTypography.Apply(text) : value;
        }

        return map;
    }
}
