using System.Globalization;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Where the header of a sheet is and which column holds which field. <see cref="Texts"/> holds the text written in
/// each column's own header cells; <see cref="FullTexts"/> adds the group headers above it (merged over several
/// columns, or written once above a run of year columns) and the year sub-header row, e.g.
/// "niveau cible de l'objectif 2021".
/// </summary>
public sealed record HeaderMap(int LastHeaderRow, IReadOnlyDictionary<string, int> Columns, IReadOnlyDictionary<int, string> Texts)
{
    public int FirstHeaderRow { get; init; } = LastHeaderRow;

    public IReadOnlyDictionary<int, string> FullTexts { get; init; } = new Dictionary<int, string>();

    /// <summary>The lowest header row's text per column (merged cells included): "2021", "total cd 2020", "montant fir".</summary>
    public IReadOnlyDictionary<int, string> BottomTexts { get; init; } = new Dictionary<int, string>();

    /// <summary>Per column: the header text as written (not normalised), for messages.</summary>
    public IReadOnlyDictionary<int, string> RawTexts { get; init; } = new Dictionary<int, string>();

    /// <summary>Per column: the row of its own header cell (the top of a merged header).</summary>
    public IReadOnlyDictionary<int, int> AnchorRows { get; init; } = new Dictionary<int, int>();

    /// <summary>Title lines above the header (normalised), where a year may be written.</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    public bool Has(string field) => Columns.ContainsKey(field);

    public int this[string field] => Columns[field];

    public string TextOf(string field) => Columns.TryGetValue(field, out var c) && Texts.TryGetValue(c, out var t) ? t : string.Empty;

    public string FullTextOf(int column) => FullTexts.TryGetValue(column, out var t) ? t : Texts.GetValueOrDefault(column, string.Empty);

    /// <summary>Cell reference of a field's header cell, for messages.</summary>
    public string CellOf(string field)
    {
        var column = Columns.GetValueOrDefault(field, 1);
        return CellReference.Format(column, AnchorRows.GetValueOrDefault(column, LastHeaderRow));
    }

    /// <summary>A field's header as written.</summary>
    public string RawTextOf(string field) => Columns.TryGetValue(field, out var c) && RawTexts.TryGetValue(c, out var t) ? t : TextOf(field);
}
