using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The template names of the contract in force, of an avenant year's plan by objective and of the consolidation used (docs/template.md).</summary>
public static partial class ReportTemplateData
{
    private static Dictionary<string, object?> ContractOf(AnnualReportModel model)
    {
        var p = model.Period;
        var plans = (p.InForce?.Plans ?? []).Select(plan => Map(
            ("type", plan.Kind),
            ("libelle", PlanLabel(plan)),
            ("annees", Years(plan.FirstYear, plan.LastYear)),
            ("fichier", plan.FileName),
            ("feuille", plan.Sheet),
            ("ingestion", plan.IngestionId),
            ("recuLe", plan.ReceivedAt)));
        return Map(
            ("nom", p.Name),
            ("type", p.InForce is { } c ? c.Shape.ToString().ToLowerInvariant() : null),
            ("estAvenant", p.IsAvenant),
            ("periode", p.Period),
            ("debut", p.InForce?.FirstYear),
            ("fin", p.InForce?.LastYear),
            ("intitule", p.Title),
            ("entete", p.RunningHeader),
            ("objet", p.Subject),
            ("plans", List(plans, Map(("type", null), ("libelle", null), ("annees", null), ("fichier", null), ("feuille", null), ("ingestion", null), ("recuLe", null)))));
    }

    /// <summary>"Plan d'action 2020-2022", "Annexe 2.1 2023 (et financements 2024)".</summary>
    private static string PlanLabel(ContractPlan plan) => plan.Kind switch
    {
        "annexe-2-1" when plan.LastYear > plan.FirstYear => $"Annexe 2.1 {plan.FirstYear} (et financements {Years(plan.FirstYear + 1, plan.LastYear)})",
        "annexe-2-1" => $"Annexe 2.1 {plan.FirstYear}",
        "synthese-objectifs" => $"Synthèse par objectif {Years(plan.FirstYear, plan.LastYear)}",
        _ => $"Plan d'action {Years(plan.FirstYear, plan.LastYear)}",
    };

    private static string Years(int first, int last) => first == last
        ? first.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{first}-{last}");

    private static Dictionary<string, object?> AnnexeOf(AnnualReportModel model)
    {
        var part = model.Period.Annexe;
        var totalsShape = AnnexeTotalsOf(new AnnexeTotals(0, 0, 0, 0, null));
        var lineShape = AnnexeLine(new AnnexeLineReport(), null);
        var engagements = (part?.Engagements ?? []).Select(e => Map(
            ("titre", ReferenceData.EngagementTitle(e.Engagement)),
            ("nom", e.ShortName),
            ("lignes", List(e.Lines.Select((l, i) => AnnexeLine(l, i == 0 ? null : e.Lines[i - 1])), lineShape)),
            ("sousTotal", AnnexeTotalsOf(e.SubTotal))));
        return Map(
            ("annee", part?.Year),
            ("anneePlan", part?.Plan.FirstYear),
            ("anneeSuivante", part is null ? null : part.Year + 1),
            ("prevision", part?.IsForecast ?? false),
            ("aExecution", part?.HasExecution ?? false),
            ("origine", part is null ? null : $"{PlanLabel(part.Plan)}, fichier {part.Plan.FileName}, feuille « {part.Plan.Sheet} »"),
            ("engagements", List(engagements, Map(("titre", null), ("nom", null), ("lignes", List([], lineShape)), ("sousTotal", totalsShape)))),
            ("total", part is null ? totalsShape : AnnexeTotalsOf(part.Total)));
    }

    private static Dictionary<string, object?> AnnexeLine(AnnexeLineReport l, AnnexeLineReport? previous)
    {
        var sameObjective = previous is not null && previous.Objectif == l.Objectif && previous.Libelle == l.Libelle;
        var actions = l.Actions.Select(a => Map(
            ("code", a.Code),
            ("libelle", a.Label),
            ("texte", (a.Code is null ? a.Label : $"Action {a.Code} : {a.Label}") + (a.Consumed is { } c ? $" (consommé : {FrenchFormat.Euros(c)})" : string.Empty)),
            ("consomme", a.Consumed)));
        return Map(
            ("objectif", l.Objectif),
            ("objectifGroupe", sameObjective ? null : l.Objectif),
            ("libelle", l.Libelle),
            ("libelleGroupe", sameObjective ? null : l.Libelle),
            ("mesure", l.Mesure),
            ("actions", List(actions, Map(("code", null), ("libelle", null), ("texte", null), ("consomme", null)))),
            ("source", l.Source),
            ("departement", l.Departement),
            ("etat", l.Etat),
            ("total", l.Total),
            ("autresFinancements", l.AutresFinancements),
            ("autresMontant", l.AutresMontant),
            ("financementSuivant", l.NextYearFunding),
            ("consomme", l.Consumed),
            ("nonConsomme", l.NotConsumed),
            ("tauxConsommation", l.Rate));
    }

    private static Dictionary<string, object?> AnnexeTotalsOf(AnnexeTotals t) => Map(
        ("departement", t.Departement),
        ("etat", t.Etat),
        ("total", t.Total),
        ("autresMontant", t.AutresMontant),
        ("financementSuivant", t.NextYearFunding),
        ("consomme", t.Consumed),
        ("nonConsomme", t.NotConsumed),
        ("tauxConsommation", t.Rate));

    /// <summary>The key figures of an avenant year: the year's planned funding, and what was consumed when known.</summary>
    private static IEnumerable<(string, string)> AnnexeKeyFigures(AnnualReportModel model)
    {
        if (model.Period.Annexe is not { } part)
        {
            yield break;
        }

        var what = part.IsForecast ? $"prévus pour {part.Year} (annexe 2.1 de {part.Plan.FirstYear})" : $"prévus {part.Year} (annexe 2.1)";
        yield return ($"Financements {what}", FrenchFormat.Euros(part.Total.Total));
        if (part.Total is { Departement: { } departement, Etat: { } etat })
        {
            yield return ("dont Département / État", $"{FrenchFormat.Euros(departement)} / {FrenchFormat.Euros(etat)}");
        }

        if (part.Total.NextYearFunding is { } next)
        {
            yield return ($"Financements {part.Year + 1} prévus par l'annexe de {part.Year}", FrenchFormat.Euros(next));
        }

        var lines = part.Engagements.SelectMany(e => e.Lines).ToList();
        var objectives = lines.Select(l => l.Objectif).OfType<int>().Distinct().Count();
        yield return ($"Objectifs et actions de l'annexe {part.Plan.FirstYear}", $"{objectives} objectifs, {lines.Sum(l => l.Actions.Count)} actions");
        if (part.Total.Consumed is { } consumed)
        {
            yield return ($"Consommé en {part.Year}", FrenchFormat.Euros(consumed) + (part.Total.Rate is { } r ? $" ({FrenchFormat.Percent(r)})" : string.Empty));
            yield return ("Non consommé", FrenchFormat.Euros(part.Total.NotConsumed ?? 0));
        }
    }

    private static ChartData? AnnexeChart(AnnualReportModel model)
    {
        if (model.Period.Annexe is not { } part)
        {
            return null;
        }

        List<ChartSeries> series = [new($"Financements prévus {part.Year}", part.Engagements.Select(e => (decimal?)e.SubTotal.Total).ToList(), Blue)];
        if (part.HasExecution)
        {
            series.Add(new ChartSeries($"Consommé en {part.Year}", part.Engagements.Select(e => e.SubTotal.Consumed).ToList(), Orange));
        }

        return new ChartData(ChartKind.Bar, $"Financements prévus{(part.HasExecution ? " et consommés" : string.Empty)} {part.Year} par engagement", part.Engagements.Select(e => e.ShortName).ToList(), series)
        {
            NumberFormat = FrenchChartFormats.Euros,
            WidthCm = 16,
            HeightCm = 9,
            Description = "Graphique en barres : financements prévus et consommés par engagement.",
        };
    }

    /// <summary>The shape of <see cref="AnnexeEngagementFigures"/>, for the empty list of a contract year.</summary>
    private static AnnexeEngagement AnnexeEngagementShape => new(string.Empty, [], new AnnexeTotals(0, 0, 0, 0, null));

    /// <summary>
    /// In an avenant year, the synthesis per engagement computed from the annexe 2.1: per engagement its objectives
    /// and actions, its planned funding of the year and of the next, its consumption when known, its indicators.
    /// </summary>
    private static List<Dictionary<string, object?>> AnnexeEngagementSummaries(AnnualReportModel model) =>
        model.Period.Annexe!.Engagements.Select(e => EngagementSummary(
            e.Engagement,
            [],
            null,
            model.Indicators.Where(i => NationalObjectives.Get(i.Objectif)?.Engagement is { } n && string.Equals(n, e.ShortName, StringComparison.OrdinalIgnoreCase)).ToList(),
            e)).ToList();

    private static Dictionary<string, object?> AnnexeEngagementFigures(AnnexeEngagement e)
    {
        var objectives = e.Lines.Select(l => l.Objectif).OfType<int>().Distinct().Select(o => o.ToString(CultureInfo.InvariantCulture)).ToList();
        var actions = e.Lines.Sum(l => l.Actions.Count);
        return Map(
            ("objectifs", objectives.Count == 0 ? "aucun" : $"{(objectives.Count == 1 ? "objectif" : "objectifs")} {AnnualReportModel.ListPhrase(objectives)} ; {actions} action{(actions == 1 ? string.Empty : "s")}"),
            ("departement", e.SubTotal.Departement),
            ("etat", e.SubTotal.Etat),
            ("total", e.SubTotal.Total),
            ("aFinancementSuivant", e.SubTotal.NextYearFunding is not null),
            ("financementSuivant", e.SubTotal.NextYearFunding),
            ("aConsomme", e.SubTotal.Consumed is not null),
            ("consomme", e.SubTotal.Consumed),
            ("tauxConsommation", e.SubTotal.Rate));
    }

    /// <summary>The actions the annexe 2.1 plans for an objective: 9-1 and 9-2 (none: the table prints "—").</summary>
    private static List<string> AnnexeActionCodes(AnnexeFinancialPart annexe, int objective) =>
        annexe.Engagements.SelectMany(e => e.Lines).Where(l => l.Objectif == objective)
            .SelectMany(l => l.Actions.Select(a => a.Code ?? "sans numéro"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A national objective's wording for the period of the report: its targets « à horizon 2022 » become those of the
    /// avenant's last year (« à horizon 2024 ») in an avenant year.
    /// </summary>
    private static string PeriodWording(string label, AnnualReportModel model) =>
        model.Period is { IsAvenant: true, InForce: { } avenant }
            ? HorizonYear().Replace(label, m => "horizon " + avenant.LastYear.ToString(CultureInfo.InvariantCulture))
            : label;

    [System.Text.RegularExpressions.GeneratedRegex(@"horizon \d{4}")]
    private static partial System.Text.RegularExpressions.Regex HorizonYear();

    /// <summary>The consolidation of the monthly values the report used: its date in Europe/Paris, or null when none was run.</summary>
    private static Dictionary<string, object?> ConsolidationOf(AnnualReportModel model)
    {
        var at = model.Period.ConsolidatedAt is { } utc ? TimeZoneInfo.ConvertTime(utc, Consolidation.ConsolidationPlanner.Paris) : (DateTimeOffset?)null;
        return Map(
            ("date", at is { } d ? DateOnly.FromDateTime(d.DateTime) : (DateOnly?)null),
            ("heure", at?.ToString("HH:mm", CultureInfo.InvariantCulture)),
            ("texte", at is { } t
                ? $"Valeurs mensuelles consolidées le {FrenchFormat.Date(DateOnly.FromDateTime(t.DateTime))} à {t.ToString("HH:mm", CultureInfo.InvariantCulture)}."
                : "Aucune consolidation des valeurs mensuelles n'a été faite pour cette année."));
    }
}
