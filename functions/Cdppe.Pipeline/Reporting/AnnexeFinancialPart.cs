using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// The financial part of an avenant year: per engagement and objective, the actions of the year and the planned
/// Département / État (with its source) / total / other funding of the annexe 2.1 that details the year, sub-totals
/// and total recomputed, and — with the year's rapport financier keyed by action — what each action consumed and
/// what each line did not. Without an annexe of the year, the previous annexe's next-year funding is shown as a
/// forecast (totals only: that column does not split Département and État).
/// </summary>
public sealed record AnnexeFinancialPart(int Year, ContractPlan Plan, bool IsForecast, IReadOnlyList<AnnexeEngagement> Engagements, AnnexeTotals Total, bool HasExecution, IReadOnlyList<ReportCheck> Checks)
{
    public static AnnexeFinancialPart? Build(int year, ContractPeriodInputs period)
    {
        if (period.AnnexePlan is not { } plan || period.Annexe.Count == 0)
        {
            return null;
        }

        var forecast = plan.FirstYear != year;
        var planYear = plan.FirstYear;
        var annexe = period.Annexe.OrderBy(l => l.Order).ToList();
        var actions = annexe.Select(l => ContractActions.Split(l.Actions.GetValueOrDefault(planYear))).ToList();
        var byLine = new decimal?[annexe.Count];
        var byAction = annexe.Select(_ => new Dictionary<string, decimal>(StringComparer.Ordinal)).ToList();
        var planned = new decimal[annexe.Count];
        var checks = new List<ReportCheck>();
        var subject = string.Create(CultureInfo.InvariantCulture, $"Rapport financier {year}");
        foreach (var line in period.ActionLines)
        {
            var objective = NationalObjectives.Match(line.Objectif);
            var code = ContractActions.CodeOf(line.Action);
            var candidates = Enumerable.Range(0, annexe.Count).Where(i => annexe[i].Objectif == objective).ToList();
            var target = candidates.Where(i => code is not null && actions[i].Any(a => a.Code == code)).Cast<int?>().FirstOrDefault()
                ?? (code is null ? candidates.Cast<int?>().FirstOrDefault() : null);
            if (target is not { } t)
            {
                checks.Add(new ReportCheck(subject, $"la ligne « {line.Action ?? line.Objectif} » (objectif {line.Objectif}) ne correspond à aucune action de l'annexe 2.1 : son consommé ({FrenchFormat.Euros(line.ConsumedInYear)}) n'est pas repris."));
                continue;
            }

            byLine[t] = (byLine[t] ?? 0) + line.ConsumedInYear;
            planned[t] += line.BudgetGlobal;
            if (code is not null)
            {
                byAction[t][code] = byAction[t].GetValueOrDefault(code) + line.ConsumedInYear;
            }
        }

        var lines = new List<(string Engagement, AnnexeLineReport Line)>();
        for (var i = 0; i < annexe.Count; i++)
        {
            var a = annexe[i];
            var total = forecast ? a.NextYearFunding : a.Total ?? (a.Departement is null && a.Etat is null ? null : (a.Departement ?? 0) + (a.Etat ?? 0));
            if (byLine[i] is not null && planned[i] > 0 && total is { } expected && planned[i] != expected)
            {
                checks.Add(new ReportCheck(subject, $"objectif {a.Objectif} : le rapport financier prévoit {FrenchFormat.Euros(planned[i])}, l'annexe 2.1 {FrenchFormat.Euros(expected)} ; le non consommé est calculé sur l'annexe."));
            }

            var own = byAction[i];
            lines.Add((a.Engagement ?? "Sans engagement", new AnnexeLineReport
            {
                Objectif = a.Objectif,
                Libelle = a.Libelle,
                Mesure = a.Mesure,
                Source = a.Modalite,
                Departement = forecast ? null : a.Departement,
                Etat = forecast ? null : a.Etat,
                Total = total,
                AutresFinancements = forecast ? null : a.AutresFinancements,
                AutresMontant = forecast ? null : a.AutresMontant,
                NextYearFunding = forecast ? null : a.NextYearFunding,
                Actions = actions[i].Select(x => new AnnexeActionReport(x.Code, x.Label, x.Code is { } c && own.TryGetValue(c, out var v) ? v : null)).ToList(),
                Consumed = byLine[i],
            }));
        }

        var execution = period.ActionLines.Count > 0;
        var engagements = lines.GroupBy(l => l.Engagement, StringComparer.Ordinal)
            .Select(g => new AnnexeEngagement(g.Key, g.Select(x => x.Line).ToList(), AnnexeTotals.Of(g.Select(x => x.Line).ToList(), execution)))
            .ToList();
        return new AnnexeFinancialPart(year, plan, forecast, engagements, AnnexeTotals.Of(lines.Select(l => l.Line).ToList(), execution), execution, checks);
    }
}
