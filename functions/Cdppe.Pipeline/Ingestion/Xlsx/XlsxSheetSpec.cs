using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>One sheet to write: rows of values (string, number, <see cref="XlsxNumber"/>, <see cref="XlsxFormula"/>, null), merged ranges, column widths and data validations.</summary>
public sealed record XlsxSheetSpec(string Name, IEnumerable<IReadOnlyList<object?>> Rows, IReadOnlyList<string>? Merges = null, SheetVisibility Visibility = SheetVisibility.Visible)
{
    /// <summary>Widths (in characters) of the first columns.</summary>
    public IReadOnlyList<double>? Widths { get; init; }

    public IReadOnlyList<XlsxValidation>? Validations { get; init; }

    /// <summary>Notes (comments) by cell reference, shown as Excel shows notes.</summary>
    public IReadOnlyDictionary<string, string>? Notes { get; init; }

    /// <summary>The author Excel shows on the notes.</summary>
    public string NotesAuthor { get; init; } = "Cdppe";

    /// <summary>An Excel table (with its filter buttons) over a range whose first row holds the column names.</summary>
    public XlsxTable? Table { get; init; }
}
