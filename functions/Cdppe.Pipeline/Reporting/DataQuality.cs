namespace Cdppe.Pipeline.Reporting;

public sealed record DataQuality(bool HasMonthlyData, IReadOnlyList<MonthGap> Gaps, IReadOnlyList<UnreliableIndicator> Unreliable, IReadOnlyList<SourceWarning> Warnings, IReadOnlyList<ReportCheck> Checks)
{
    /// <summary>Number of indicators with monthly values in the year.</summary>
    public int MonthlyIndicators { get; init; }

    /// <summary>What limits the monthly data, in sentences generated from it: lost months, data stopped at a month.</summary>
    public IReadOnlyList<string> Explanations { get; init; } = [];
}
