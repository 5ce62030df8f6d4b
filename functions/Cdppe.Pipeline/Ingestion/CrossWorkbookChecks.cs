using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Cross-checks between workbooks of one département, as warnings on the new workbook's cells: a fiche's planned
/// total in the plan d'action, the rapport financier and its bilan; its consumed amount in the rapport financier and
/// its bilan; an indicator's targets in the plan d'action and the tableau de bord. The other side is what the same
/// workbook holds or what is current for the département in <paramref name="head"/>'s version (kinds the new workbook
/// replaces are not compared with themselves).
/// </summary>
public sealed class CrossWorkbookChecks(BudgetLineStore budget, FicheStore fiches, IndicatorStore indicators)
{
    private static readonly string[] FicheKinds = [WorkbookKinds.PlanAction, WorkbookKinds.RapportFinancier, WorkbookKinds.BilansFiches];

    public async Task RunAsync(DatasetHead head, WorkbookContent content, CancellationToken cancellationToken = default)
    {
        var kinds = content.Kinds.ToHashSet(StringComparer.Ordinal);
        var facts = Facts(content).ToList();
        var stored = await StoredFactsAsync(head, kinds, cancellationToken);
        CheckFiches(content, facts, stored);
        await CheckTargetsAsync(head, content, kinds, cancellationToken);
    }

    private static void CheckFiches(WorkbookContent content, List<FicheFact> fresh, List<FicheFact> stored)
    {
        foreach (var a in fresh)
        {
            var others = stored.Concat(fresh.Where(b => Rank(b.Kind) < Rank(a.Kind)))
                .Where(b => b.Fiche == a.Fiche && b.Kind != a.Kind)
                .ToList();
            foreach (var b in others)
            {
                if (a.Planned is { } pa && b.Planned is { } pb && pa != pb)
                {
                    content.Issues.Add(IngestionMessages.PlannedDiverges(a.Fiche, pa, pb, b.Where, a.Sheet, a.Cell));
                }

                if (a.Consumed is { } ca && b.Consumed is { } cb && a.Year == b.Year && ca != cb)
                {
                    content.Issues.Add(IngestionMessages.ConsumedDiverges(a.Fiche, ca, cb, b.Where, a.Sheet, a.Cell));
                }
            }
        }
    }

    private async Task CheckTargetsAsync(DatasetHead head, WorkbookContent content, HashSet<string> kinds, CancellationToken cancellationToken)
    {
        var fresh = content.Indicators.Where(i => i.Kind is WorkbookKinds.PlanAction or WorkbookKinds.TableauDeBord).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var others = new List<SourcedIndicator>();
        foreach (var kind in IndicatorMerger.Authority.Where(k => !kinds.Contains(k)))
        {
            others.AddRange(await indicators.SourcesAsync(head, kind, cancellationToken));
        }

        var byCode = others.Concat(fresh).GroupBy(i => i.Definition.Code);
        foreach (var group in byCode)
        {
            var list = group.ToList();
            foreach (var a in list.Where(fresh.Contains))
            {
                foreach (var b in list.Where(b => b.Kind != a.Kind && (!fresh.Contains(b) || string.CompareOrdinal(b.Kind, a.Kind) < 0)))
                {
                    foreach (var (year, target) in a.Definition.Targets.OrderBy(t => t.Key))
                    {
                        if (target.Value is { } va && b.Definition.Targets.GetValueOrDefault(year)?.Value is { } vb && va != vb)
                        {
                            content.Issues.Add(IngestionMessages.TargetDiverges(a.Definition.Code, year, Describe(va, target.IsPercent), Describe(vb, target.IsPercent), b.Kind, content.SheetOf(a), a.Definition.SourceCell));
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<FicheFact> Facts(WorkbookContent content)
    {
        foreach (var f in content.Fiches)
        {
            yield return new FicheFact(WorkbookKinds.PlanAction, "du plan d'action", f.Numero, f.PlannedTotal, null, null, content.SheetOf(f), f.SourceCell);
        }

        foreach (var l in content.BudgetLines.Where(l => l.Fiche is not null))
        {
            yield return new FicheFact(WorkbookKinds.RapportFinancier, $"du rapport financier {l.Year}", l.Fiche!.Value, l.BudgetGlobal, l.ConsumedCumulative, l.Year, content.SheetOfKind(WorkbookKinds.RapportFinancier), l.SourceCell);
        }

        foreach (var b in content.Bilans)
        {
            yield return new FicheFact(WorkbookKinds.BilansFiches, $"du bilan {b.Year} de la fiche", b.Numero, b.PlannedTotal, b.Consumed, b.Year, content.SheetOf(b), b.SourceCell);
        }
    }

    private async Task<List<FicheFact>> StoredFactsAsync(DatasetHead head, HashSet<string> kinds, CancellationToken cancellationToken)
    {
        var facts = new List<FicheFact>();
        if (!kinds.Overlaps(FicheKinds))
        {
            return facts;
        }

        if (!kinds.Contains(WorkbookKinds.RapportFinancier) && head.Years(WorkbookKinds.RapportFinancier) is [.., var year])
        {
            var lines = await budget.CurrentAsync(head, year, cancellationToken);
            facts.AddRange(lines.Where(l => l.Fiche is not null)
                .Select(l => new FicheFact(WorkbookKinds.RapportFinancier, $"du rapport financier {year} déjà importé", l.Fiche!.Value, l.BudgetGlobal, l.ConsumedCumulative, year, null, null)));
        }

        if (!kinds.Contains(WorkbookKinds.PlanAction))
        {
            facts.AddRange((await fiches.PlanDefinitionsAsync(head, cancellationToken))
                .Select(f => new FicheFact(WorkbookKinds.PlanAction, "du plan d'action déjà importé", f.Numero, f.PlannedTotal, null, null, null, null)));
        }

        if (!kinds.Contains(WorkbookKinds.BilansFiches))
        {
            facts.AddRange((await fiches.LatestBilansAsync(head, cancellationToken))
                .Select(f => new FicheFact(WorkbookKinds.BilansFiches, $"du bilan {f.Year} de la fiche déjà importé", f.Numero, f.PlannedTotal, f.Consumed, f.Year, null, null)));
        }

        return facts;
    }

    private static int Rank(string kind) => Array.IndexOf(FicheKinds, kind);

    private static string Describe(decimal value, bool percent) =>
        percent ? FrenchFormat.Percent(value, value * 100m == decimal.Truncate(value * 100m) ? 0 : 1) : FrenchFormat.Number(value, value == decimal.Truncate(value) ? 0 : 2);

    private sealed record FicheFact(string Kind, string Where, int Fiche, decimal? Planned, decimal? Consumed, int? Year, string? Sheet, string? Cell);
}
