using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>What the report is built from, as read from storage (see <see cref="AnnualReportService"/>).</summary>
public sealed record ReportInputs
{
    public required Departement Departement { get; init; }

    public required int Year { get; init; }

    public required DateOnly GeneratedOn { get; init; }

    /// <summary>The version of the département's data the report is made from: a digest of its current datasets (dataset → ingestion).</summary>
    public string DataVersion { get; init; } = string.Empty;

    public IReadOnlyList<BudgetLine> BudgetLines { get; init; } = [];

    public IReadOnlyList<FicheDefinition> Fiches { get; init; } = [];

    public IReadOnlyList<FicheBilan> Bilans { get; init; } = [];

    /// <summary>Planned funding per fiche and year (plan d'action).</summary>
    public IReadOnlyList<PlannedFunding> Funding { get; init; } = [];

    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    public IReadOnlyList<MonthlySnapshot> Snapshots { get; init; } = [];

    public IReadOnlyList<SourceWarning> Warnings { get; init; } = [];

    /// <summary>The contract in force in the year and, in an avenant year, its annexe 2.1 and action-keyed rapport financier.</summary>
    public ContractPeriodInputs Period { get; init; } = new();

    /// <summary>True when nothing at all is known for the département and year (the API answers 404).</summary>
    public bool IsEmpty => BudgetLines.Count == 0 && Bilans.Count == 0 && Snapshots.Count == 0
        && !Indicators.Any(i => i.Targets.ContainsKey(Year) || i.Achieved.ContainsKey(Year))
        && Period.Annexe.Count == 0 && Period.ActionLines.Count == 0;
}
