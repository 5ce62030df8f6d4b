
namespace Cdppe.Pipeline.Model;

/// <summary>Everything read from one workbook, before it is stored.</summary>
public sealed class WorkbookContent
{
    private readonly Dictionary<object, string> sheets = new(ReferenceEqualityComparer.Instance);

    public List<SheetSummary> Sheets { get; } = [];

    public List<BudgetLine> BudgetLines { get; } = [];

    public List<IndicatorValue> IndicatorValues { get; } = [];

    public List<FicheDefinition> Fiches { get; } = [];

    public List<FicheBilan> Bilans { get; } = [];

    public List<SourcedIndicator> Indicators { get; } = [];

    public List<PlannedFunding> PlannedFunding { get; } = [];

    public List<ObjectivePlan> ObjectivePlans { get; } = [];

    public IssueList Issues { get; } = new();

    /// <summary>The contracts whose periods hold the workbook's years ("Avenant 2023-2024"), set when it is checked.</summary>
    public string? ContractPeriods { get; set; }

    public IEnumerable<string> Kinds => Sheets.Where(s => s.Kind is not null).Select(s => s.Kind!).Distinct();

    /// <summary>Rows that will be stored (totals and banners are not).</summary>
    public int ItemCount => BudgetLines.Count + IndicatorValues.Count + Fiches.Count + Bilans.Count + Indicators.Count + PlannedFunding.Count + ObjectivePlans.Count;

    /// <summary>Remembers which sheet an item was read from, for cross-check messages.</summary>
    public T From<T>(T item, string sheet)
        where T : notnull
    {
        sheets[item] = sheet;
        return item;
    }

    public string? SheetOf(object item) => sheets.GetValueOrDefault(item);

    /// <summary>The first sheet of a kind, for messages about what it carries.</summary>
    public string? SheetOfKind(string kind) => Sheets.FirstOrDefault(s => s.Kind == kind)?.Name;
}
