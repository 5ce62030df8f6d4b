using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Model;

/// <summary>
/// One indicator row from what each workbook kind says about it: the tableau de bord (the State's follow-up) is
/// authoritative for the label, kind, baseline, achieved values and targets; the plan d'action adds the fiches, the
/// milestones and the targets the tableau de bord leaves blank.
/// </summary>
public static class IndicatorMerger
{
    /// <summary>Kinds in order of authority.</summary>
    public static IReadOnlyList<string> Authority { get; } = [WorkbookKinds.TableauDeBord, WorkbookKinds.PlanAction];

    public static IndicatorDefinition Merge(IEnumerable<SourcedIndicator> sources)
    {
        var ordered = sources.OrderBy(s => Rank(s.Kind)).Select(s => s.Definition).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("At least one source is needed.", nameof(sources));
        }

        var first = ordered[0];
        var targets = new Dictionary<int, IndicatorFigure>();
        var achieved = new Dictionary<int, IndicatorFigure>();
        foreach (var d in ordered)
        {
            foreach (var (year, figure) in d.Targets)
            {
                targets.TryAdd(year, figure);
            }

            foreach (var (year, figure) in d.Achieved)
            {
                achieved.TryAdd(year, figure);
            }
        }

        var fiches = ordered.SelectMany(d => d.Fiches.Count > 0 ? d.Fiches : d.Fiche is { } f ? [f] : []).Distinct().Order().ToList();
        return first with
        {
            Objectif = ordered.Select(d => d.Objectif).FirstOrDefault(o => o is not null),
            Fiche = fiches.Count > 0 ? fiches[0] : null,
            Fiches = fiches,
            Fundamental = ordered.Any(d => d.Fundamental),
            Baseline = ordered.Select(d => d.Baseline).FirstOrDefault(b => b is not null),
            BaselineDate = ordered.Select(d => d.BaselineDate).FirstOrDefault(b => b is not null),
            Source = ordered.Select(d => d.Source).FirstOrDefault(s => s is not null),
            Targets = targets,
            Achieved = achieved,
            NumeratorCode = ordered.Select(d => d.NumeratorCode).FirstOrDefault(c => c is not null),
            DenominatorCode = ordered.Select(d => d.DenominatorCode).FirstOrDefault(c => c is not null),
            Milestones = ordered.Select(d => d.Milestones).OrderBy(m => m.Count == 0).First(),
            Kind = ordered.Any(d => d.Kind == IndicatorKind.Milestone) && ordered.All(d => d.Kind != IndicatorKind.Rate) ? IndicatorKind.Milestone : first.Kind,
        };
    }

    private static int Rank(string kind)
    {
        for (var i = 0; i < Authority.Count; i++)
        {
            if (Authority[i] == kind)
            {
                return i;
            }
        }

        return Authority.Count;
    }
}
