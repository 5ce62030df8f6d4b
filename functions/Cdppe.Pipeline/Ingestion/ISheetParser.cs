using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Reads one kind of sheet; detection is by header content, never by file or sheet name.</summary>
public interface ISheetParser
{
    string Kind { get; }

    HeaderMap? Detect(IReadOnlyList<SheetRow> head);

    /// <summary>Parses the sheet and returns the years its content covers.</summary>
    IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content);
}
