using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// Status of a value against the year's target. Counts (year-to-date) are compared with the target prorated to the
/// month; rates directly; milestones by their order in the indicator's milestone list. Higher is better.
/// </summary>
public static class StatusEvaluator
{
    /// <summary>A rate within this share of its target before December is "en bonne voie".</summary>
    public const decimal RateTolerance = 0.9m;

    public static SnapshotStatus Evaluate(IndicatorDefinition? definition, YearMonth month, decimal? value, string? text, IndicatorFigure? target)
    {
        if (value is null && string.IsNullOrWhiteSpace(text))
        {
            return SnapshotStatus.Missing;
        }

        if (target is null || (target.Value is null && string.IsNullOrWhiteSpace(target.Text)))
        {
            return SnapshotStatus.NoTarget;
        }

        var kind = definition?.Kind ?? IndicatorKind.Count;
        if (kind == IndicatorKind.Milestone || value is null || target.Value is null)
        {
            return Milestone(definition?.Milestones ?? [], month, text, target.Text);
        }

        var goal = target.Value.Value;
        var v = value.Value;
        if (v >= goal)
        {
            return SnapshotStatus.Reached;
        }

        if (kind == IndicatorKind.Count)
        {
            return v >= goal * month.Month / 12m ? SnapshotStatus.OnTrack : SnapshotStatus.Late;
        }

        return month.Month < 12 && v >= goal * RateTolerance ? SnapshotStatus.OnTrack : SnapshotStatus.Late;
    }

    private static SnapshotStatus Milestone(IReadOnlyList<string> milestones, YearMonth month, string? text, string? target)
    {
        var index = IndexOf(milestones, text);
        var goal = IndexOf(milestones, target);
        if (index < 0 || goal < 0)
        {
            return TextNormalizer.Normalize(text) == TextNormalizer.Normalize(target) ? SnapshotStatus.Reached : SnapshotStatus.NoTarget;
        }

        if (index >= goal)
        {
            return SnapshotStatus.Reached;
        }

        return month.Month < 12 && index == goal - 1 ? SnapshotStatus.OnTrack : SnapshotStatus.Late;
    }

    private static int IndexOf(IReadOnlyList<string> milestones, string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        for (var i = 0; i < milestones.Count; i++)
        {
            if (TextNormalizer.Normalize(milestones[i]) == normalized)
            {
                return i;
            }
        }

        return -1;
    }
}
