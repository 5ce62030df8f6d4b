using System.Globalization;
using System.Text;
using System.Xml;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion.Ods;

/// <summary>
/// Reads one <c>table:table</c> from its start tag: rows (inside header rows and row groups too) with their
/// <c>number-rows-repeated</c>, cells with <c>number-columns-repeated</c>, merged ranges from
/// <c>number-columns-spanned</c> / <c>number-rows-spanned</c>. Blank rows are counted, not built: a run of them is
/// returned only when content follows it (so that trailing runs of a million empty rows cost nothing). Every count
/// saturates at <see cref="MaxCount"/> (no overflow), and is checked against the sheet limits and the
/// <see cref="CellBudget"/> before its copies are built: a row with content repeated past the rows-per-sheet limit,
/// a cell with content repeated past the column limit, a run of copies beyond the budget, a merged range beyond
/// <see cref="MergedRangeCheck"/> are refused at once.
/// </summary>
internal sealed class OdsTableReader(XmlReader xml, OdsNames names, string sheetName, SpreadsheetLimits limits, CellBudget budget)
{
    /// <summary>Where repeat counts and the row and column counters stop: far beyond any limit, far below an overflow.</summary>
    private const long MaxCount = 1L << 40;

    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly Dictionary<int, SheetCell> NoCells = [];

    /// <summary>Merged ranges while rows of the range are still to come, and their top-left cells.</summary>
    private readonly List<(int R1, int C1, int R2, int C2)> active = [];
    private readonly Dictionary<(int Row, int Col), SheetCell> anchors = [];
    private readonly List<string> spans = [];
    private readonly MergedRangeCheck mergeCheck = new(sheetName, limits);
    private readonly StringBuilder text = new();
    private int returned;

    public IEnumerable<SheetRow> Rows()
    {
        if (xml.IsEmptyElement)
        {
            yield break;
        }

        var depth = xml.Depth;
        long lastRow = 0;
        long pendingBlank = 0;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            if (OdsNames.Is(xml, names.HeaderRows, names.TableNs) || OdsNames.Is(xml, names.RowGroup, names.TableNs) || OdsNames.Is(xml, names.Rows, names.TableNs))
            {
                if (xml.IsEmptyElement)
                {
                    xml.Skip();
                }
                else
                {
                    xml.Read();
                }

                continue;
            }

            if (!OdsNames.Is(xml, names.Row, names.TableNs))
            {
                xml.Skip(); // columns, shapes, forms, named ranges...
                continue;
            }

            var repeat = Count(xml.GetAttribute(names.RowsRepeated, names.TableNs));
            var first = lastRow + 1;
            var own = ReadRow((int)Math.Min(first, int.MaxValue));
            var ownBlank = own.Values.All(c => c.IsEmpty);
            lastRow = Math.Min(first + repeat - 1, MaxCount);
            if (!ownBlank)
            {
                // A row with content and its copies: within the rows-per-sheet limit and the budget, checked before one is built.
                if (lastRow > limits.MaxRowsPerSheet)
                {
                    throw WorkbookFormatException.TooManyRows(sheetName, limits);
                }

                budget.Expect(sheetName, own.Count * repeat);
            }

            for (long index = first; index <= lastRow; index++)
            {
                limits.Cancellation.ThrowIfCancellationRequested();
                if (ownBlank && active.Count == 0)
                {
                    pendingBlank = Math.Min(pendingBlank + lastRow - index + 1, MaxCount); // the rest of the run is blank: counted, not built
                    break;
                }

                var cells = index == first ? own : own.ToDictionary(c => c.Key, c => c.Value with { Row = (int)index });
                FillMerges((int)index, cells);
                if (cells.Values.All(c => c.IsEmpty))
                {
                    pendingBlank++;
                    continue;
                }

                if (index > limits.MaxRowsPerSheet)
                {
                    throw WorkbookFormatException.TooManyRows(sheetName, limits);
                }

                for (var blank = index - pendingBlank; blank < index; blank++)
                {
                    yield return Counted(new SheetRow((int)blank, NoCells));
                }

                pendingBlank = 0;
                yield return budget.Charge(sheetName, Counted(new SheetRow((int)index, cells)));
            }
        }
    }

    /// <summary>Every merged range of the table ("A1:C1"), read through all its rows.</summary>
    public IReadOnlyList<string> Merges()
    {
        foreach (var _ in Rows())
        {
        }

        return spans;
    }

    /// <summary>A repeat or span count: 1 when absent or not a number, at most <see cref="MaxCount"/> however many digits it has.</summary>
    private static long Count(string? repeated)
    {
        var digits = (repeated ?? string.Empty).AsSpan().Trim();
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return 1;
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, MaxCount) : MaxCount;
    }

    private SheetRow Counted(SheetRow row)
    {
        if (++returned > limits.MaxRowsPerSheet)
        {
            throw WorkbookFormatException.TooManyRows(sheetName, limits);
        }

        return row;
    }

    /// <summary>Reads a <c>table:row</c> element (the reader ends after it): its cells with a value, by column.</summary>
    private Dictionary<int, SheetCell> ReadRow(int row)
    {
        var cells = new Dictionary<int, SheetCell>();
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return cells;
        }

        var depth = xml.Depth;
        long column = 1;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            var covered = OdsNames.Is(xml, names.CoveredCell, names.TableNs);
            if (!covered && !OdsNames.Is(xml, names.Cell, names.TableNs))
            {
                xml.Skip();
                continue;
            }

            var (cell, repeat, columnsSpanned, rowsSpanned) = ReadCell(row);
            if (cell.Kind != SheetCellKind.Empty)
            {
                if (column + repeat - 1 > limits.MaxColumns)
                {
                    throw WorkbookFormatException.TooManyColumns(sheetName, (int)Math.Min(Math.Max(column, limits.MaxColumns + 1), 16_384), row, limits);
                }

                for (var c = (int)column; c < column + repeat; c++)
                {
                    cells[c] = cell with { Column = c };
                }
            }

            if (!covered && (columnsSpanned > 1 || rowsSpanned > 1) && mergeCheck.Clip(row, column, row + rowsSpanned - 1, column + columnsSpanned - 1) is { } merge)
            {
                spans.Add($"{CellReference.Format(merge.C1, merge.R1)}:{CellReference.Format(merge.C2, merge.R2)}");
                if (cell.Kind != SheetCellKind.Empty)
                {
                    active.Add(merge); // an empty top-left cell fills nothing
                }
            }

            column = Math.Min(column + repeat, MaxCount);
        }

        xml.Read();
        return cells;
    }

    /// <summary>Covered cells of a merged range take its top-left value, as in an .xlsx; finished ranges are dropped.</summary>
    private void FillMerges(int row, Dictionary<int, SheetCell> cells)
    {
        MergeFill.Apply(row, cells, active, anchors);
        foreach (var done in active.Where(m => m.R2 <= row))
        {
            anchors.Remove((done.R1, done.C1));
        }

        active.RemoveAll(m => m.R2 <= row);
    }

    /// <summary>Reads a cell element (the reader ends after it): value from its <c>office:*</c> attributes, text from its paragraphs.</summary>
    private (SheetCell Cell, long Repeat, long ColumnsSpanned, long RowsSpanned) ReadCell(int row)
    {
        long repeat = 1, columnsSpanned = 1, rowsSpanned = 1;
        string? valueType = null, calcType = null, value = null, date = null, time = null, boolean = null, stringValue = null;
        var hasFormula = false;
        if (xml.MoveToFirstAttribute())
        {
            do
            {
                var name = xml.LocalName;
                var ns = xml.NamespaceURI;
                if (ReferenceEquals(ns, names.TableNs))
                {
                    if (ReferenceEquals(name, names.ColumnsRepeated))
                    {
                        repeat = Count(xml.Value);
                    }
                    else if (ReferenceEquals(name, names.ColumnsSpanned))
                    {
                        columnsSpanned = Count(xml.Value);
                    }
                    else if (ReferenceEquals(name, names.RowsSpanned))
                    {
                        rowsSpanned = Count(xml.Value);
                    }
                    else if (ReferenceEquals(name, names.Formula))
                    {
                        hasFormula = true;
                    }
                }
                else if (ReferenceEquals(ns, names.OfficeNs))
                {
                    if (ReferenceEquals(name, names.ValueType))
                    {
                        valueType = xml.Value;
                    }
                    else if (ReferenceEquals(name, names.Value))
                    {
                        value = xml.Value;
                    }
                    else if (ReferenceEquals(name, names.DateValue))
                    {
                        date = xml.Value;
                    }
                    else if (ReferenceEquals(name, names.TimeValue))
                    {
                        time = xml.Value;
                    }
                    else if (ReferenceEquals(name, names.BooleanValue))
                    {
                        boolean = xml.Value;
                    }
                    else if (ReferenceEquals(name, names.StringValue))
                    {
                        stringValue = xml.Value;
                    }
                }
                else if (ReferenceEquals(ns, names.CalcExtNs) && ReferenceEquals(name, names.ValueType))
                {
                    calcType = xml.Value;
                }
            }
            while (xml.MoveToNextAttribute());
            xml.MoveToElement();
        }

        var shown = ReadText();
        var cell = ToCell(row, calcType == "error" ? "error" : valueType, value, date, time, boolean, stringValue, shown, hasFormula);
        return (cell, repeat, columnsSpanned, rowsSpanned);
    }

    private static SheetCell ToCell(int row, string? type, string? value, string? date, string? time, string? boolean, string? stringValue, string? shown, bool hasFormula)
    {
        SheetCell Number(double number, string? format, bool isDate = false) => new(row, 0, SheetCellKind.Number, null, number, format, isDate, hasFormula);
        SheetCell Text(string? text) => new(row, 0, text is null ? SheetCellKind.Empty : SheetCellKind.Text, text, null, null, false, hasFormula);
        var hasNumber = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n);
        switch (type)
        {
            case "float" when hasNumber:
                return Number(n, null);
            case "percentage" when hasNumber:
                return Number(n, "0.00%");
            case "currency" when hasNumber:
                return Number(n, "#,##0.00 €");
            case "date" when DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                return Number((d - Epoch).TotalDays, "dd/mm/yyyy", true);
            case "time" when TryDuration(time, out var t):
                return Number(t.TotalDays, "hh:mm:ss", true);
            case "boolean":
                var truth = boolean is "true" or "1";
                return new SheetCell(row, 0, SheetCellKind.Boolean, truth ? "VRAI" : "FAUX", truth ? 1 : 0, null, false, hasFormula);
            case "error":
                return new SheetCell(row, 0, SheetCellKind.Error, string.IsNullOrEmpty(shown) ? "#N/A" : shown, null, null, false, hasFormula);
            case "string" when hasFormula && shown is not null && IsErrorLiteral(shown):
                return new SheetCell(row, 0, SheetCellKind.Error, shown, null, null, false, hasFormula);
            case "string":
                return Text(stringValue ?? shown ?? string.Empty);
            default:
                return Text(shown);
        }
    }

    /// <summary>What a formula error shows when the producer did not mark it (<c>calcext:value-type="error"</c>).</summary>
    private static bool IsErrorLiteral(string text) =>
        text.StartsWith("Err:", StringComparison.Ordinal) || text is "#N/A" or "#NAME?" or "#NULL!" or "#DIV/0!" or "#VALUE!" or "#REF!" or "#NUM!";

    private static bool TryDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        try
        {
            duration = text is null ? TimeSpan.Zero : XmlConvert.ToTimeSpan(text);
            return text is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The paragraphs of a cell joined by line breaks (<c>text:s</c> spaces, tabs and line breaks kept, other runs of
    /// white space collapsed, annotations skipped), or null when it has none; the reader ends after the cell.
    /// </summary>
    private string? ReadText()
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return null;
        }

        text.Clear();
        var paragraphs = 0;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && OdsNames.Is(xml, names.Paragraph, names.TextNs))
            {
                if (paragraphs++ > 0)
                {
                    text.Append('\n');
                }

                ReadParagraph();
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element)
            {
                xml.Skip(); // annotations, drawings
                continue;
            }

            xml.Read();
        }

        xml.Read();
        return paragraphs == 0 ? null : text.ToString();
    }

    private void ReadParagraph()
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }

        var depth = xml.Depth;
        var start = text.Length;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    AppendCollapsed(xml.Value, start);
                    break;
                case XmlNodeType.Element when ReferenceEquals(xml.NamespaceURI, names.TextNs) && ReferenceEquals(xml.LocalName, names.Space):
                    text.Append(' ', (int)Math.Min(Count(xml.GetAttribute("c", names.TextNs)), 1_000));
                    break;
                case XmlNodeType.Element when ReferenceEquals(xml.NamespaceURI, names.TextNs) && ReferenceEquals(xml.LocalName, names.Tab):
                    text.Append('\t');
                    break;
                case XmlNodeType.Element when ReferenceEquals(xml.NamespaceURI, names.TextNs) && ReferenceEquals(xml.LocalName, names.LineBreak):
                    text.Append('\n');
                    break;
                case XmlNodeType.Element when OdsNames.Is(xml, names.Annotation, names.OfficeNs):
                    xml.Skip();
                    continue;
            }

            // Spans, links and other inline elements: their text is read as the reader goes through them.
            xml.Read();
        }

        xml.Read();
    }

    /// <summary>Appends text with runs of white space as one space, none at the start of the paragraph.</summary>
    private void AppendCollapsed(string value, int paragraphStart)
    {
        foreach (var ch in value)
        {
            if (ch is ' ' or '\t' or '\r' or '\n')
            {
                if (text.Length > paragraphStart && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(ch);
            }
        }
    }
}
