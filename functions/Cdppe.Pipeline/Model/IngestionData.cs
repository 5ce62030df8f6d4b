namespace Cdppe.Pipeline.Model;

/// <summary>The normalised content of one accepted workbook, as stored (JSON next to its report).</summary>
public sealed record IngestionData(
    string IngestionId,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<IndicatorValue> IndicatorValues,
    IReadOnlyList<FicheDefinition> Fiches,
    IReadOnlyList<FicheBilan> Bilans,
    IReadOnlyList<SourcedIndicator> Indicators,
    IReadOnlyList<PlannedFunding> PlannedFunding,
    IReadOnlyList<ObjectivePlan> ObjectivePlans)
{
    public static IngestionData Of(string id, WorkbookContent content) => new(
        id,
        content.Kinds.ToList(),
        content.BudgetLines,
        content.IndicatorValues,
        content.Fiches,
        content.Bilans,
        content.Indicators,
        content.PlannedFunding,
        content.ObjectivePlans);
}
