using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>What one sheet turned out to be.</summary>
public sealed record SheetSummary(string Name, string? Kind, int DataRows, IReadOnlyList<int> Years);

/// <summary>Everything read from one workbook, before it is stored.</summary>
public sealed class WorkbookContent
{
    public List<SheetSummary> Sheets { get; } = [];

    public List<BudgetLine> BudgetLines { get; } = [];

    public List<IndicatorValue> IndicatorValues { get; } = [];

    public IssueList Issues { get; } = new();

    public IEnumerable<string> Kinds => Sheets.Where(s => s.Kind is not null).Select(s => s.Kind!).Distinct();
}

/// <summary>A sheet being parsed: the workbook, the sheet and its rows (header rows included).</summary>
public sealed record SheetInput(XlsxWorkbook Workbook, XlsxSheet Sheet, IEnumerable<XlsxRow> Rows);

/// <summary>Reads one kind of sheet; detection is by header content, never by file or sheet name.</summary>
public interface ISheetParser
{
    string Kind { get; }

    HeaderMap? Detect(IReadOnlyList<XlsxRow> head);

    /// <summary>Parses the sheet and returns the years its content covers.</summary>
    IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content);
}
