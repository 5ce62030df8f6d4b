using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>
/// A read-only workbook: the package is opened with the Open XML SDK and sheets are streamed with a SAX reader,
/// one row at a time, so memory stays bounded by the widest row, the shared strings and the merged ranges, not by
/// the number of rows.
/// </summary>
public sealed class XlsxWorkbook : ISpreadsheet
{
    private const int MaxCellsInRow = 16_384;

    private static readonly DateTime Epoch1900 = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Epoch1904 = new(1904, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly SpreadsheetDocument document;
    private readonly SpreadsheetLimits limits;
    private readonly List<string> sharedStrings;
    private readonly List<(string? Format, bool IsDate)> cellFormats;
    private readonly List<string> relationshipIds;
    private readonly CellBudget budget;

    private XlsxWorkbook(SpreadsheetDocument document, SpreadsheetLimits limits)
    {
        this.document = document;
        this.limits = limits;
        budget = new CellBudget(limits);
        var workbookPart = document.WorkbookPart
            ?? throw new WorkbookFormatException("Le fichier ne contient pas de classeur Excel (partie « workbook » absente).");
        var workbook = workbookPart.Workbook;
        Date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;
        HasMacros = document.DocumentType == SpreadsheetDocumentType.MacroEnabledWorkbook || workbookPart.VbaProjectPart is not null;
        var sheets = (workbook.Sheets?.Elements<Sheet>() ?? []).ToList();
        Sheets = sheets
            .Select((s, i) => new SpreadsheetSheet(
                i,
                s.Name?.Value ?? string.Empty,
                s.State?.Value == SheetStateValues.Hidden ? SheetVisibility.Hidden
                    : s.State?.Value == SheetStateValues.VeryHidden ? SheetVisibility.VeryHidden : SheetVisibility.Visible))
            .ToList();
        relationshipIds = sheets.Select(s => s.Id?.Value ?? string.Empty).ToList();
        sharedStrings = ReadSharedStrings(workbookPart);
        cellFormats = ReadCellFormats(workbookPart);
    }

    public IReadOnlyList<SpreadsheetSheet> Sheets { get; }

    public bool Date1904 { get; }

    public bool HasMacros { get; }

    /// <summary>Opens a workbook after checking the zip container against <paramref name="limits"/>.</summary>
    public static XlsxWorkbook Open(Stream stream, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The workbook stream must be seekable.", nameof(stream));
        }

        if (stream.Length == 0)
        {
            throw new WorkbookFormatException("Le fichier est vide (0 octet).");
        }

        ZipContainerCheck.Check(stream, limits);
        stream.Position = 0;
        try
        {
            var document = SpreadsheetDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = limits.MaxCharactersInPart,
                AutoSave = false,
            });
            try
            {
                XlsxPartCheck.Check(document, limits, part => part is WorkbookPart or WorkbookStylesPart); // the parts read as element trees
                return new XlsxWorkbook(document, limits);
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
        catch (WorkbookFormatException)
        {
            throw;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException or IOException)
        {
            throw new WorkbookFormatException($"Le fichier n'est pas un classeur Excel (.xlsx) lisible : {Describe(ex)}", inner: ex);
        }
    }

    /// <summary>Converts a date serial of this workbook's date system.</summary>
    public DateTime ToDate(double serial) => Date1904 ? Epoch1904.AddDays(serial) : Epoch1900.AddDays(serial);

    /// <summary>Streams the rows of a sheet, merged ranges filled from their top-left cell.</summary>
    public IEnumerable<SheetRow> ReadRows(SpreadsheetSheet sheet)
    {
        var part = SheetPart(sheet);
        var merges = new MergeWindow(ReadMergedRanges(part, sheet.Name));
        var mergeAnchors = new Dictionary<(int Row, int Col), SheetCell>();
        var count = 0;
        var previousRow = 0;
        foreach (var (rowAttribute, rawCells) in ReadRawRows(part, sheet.Name))
        {
            if (++count > limits.MaxRowsPerSheet)
            {
                throw WorkbookFormatException.TooManyRows(sheet.Name, limits);
            }

            var rowIndex = rowAttribute > 0 ? rowAttribute : previousRow + 1;
            previousRow = rowIndex;
            yield return budget.Charge(sheet.Name, ToRow(sheet, rowIndex, rawCells, merges.At(rowIndex), mergeAnchors));
        }
    }

    public IReadOnlyList<string> MergedRanges(SpreadsheetSheet sheet) =>
        ReadMergedRanges(SheetPart(sheet), sheet.Name).Select(m => $"{CellReference.Format(m.C1, m.R1)}:{CellReference.Format(m.C2, m.R2)}").ToList();

    public void Dispose() => document.Dispose();

    private WorksheetPart SheetPart(SpreadsheetSheet sheet) => (WorksheetPart)document.WorkbookPart!.GetPartById(relationshipIds[sheet.Index]);

    /// <summary>The type of a cell (its <c>t</c> attribute); any other value reads as a number, as before.</summary>
    private enum RawType : byte
    {
        Number,
        Shared,
        Inline,
        Str,
        Error,
        Boolean,
        Date,
    }

    /// <summary>A cell as its XML carries it: a struct in the row buffer, with its value still as UTF-8 bytes when it is a plain number or index.</summary>
    private struct RawCell
    {
        public int Column;
        public RawType Type;
        public uint? Style;
        public bool HasFormula;

        /// <summary>The <c>&lt;v&gt;</c> element is present.</summary>
        public bool HasValue;

        /// <summary>The value when it had to be made a string (entities, CDATA); otherwise it is in <see cref="RowBuffer.Values"/>.</summary>
        public string? Decoded;
        public int ValueStart;
        public int ValueLength;
        public string? InlineText;
    }

    /// <summary>The cells of the current row and the UTF-8 bytes of their values, reused from row to row.</summary>
    private sealed class RowBuffer
    {
        public RawCell[] Cells = new RawCell[16];
        public int Count;
        public byte[] Values = new byte[256];
        public int ValuesLength;

        public void Clear()
        {
            Count = 0;
            ValuesLength = 0;
        }

        public ref RawCell Add()
        {
            if (Count == Cells.Length)
            {
                Array.Resize(ref Cells, Cells.Length * 2);
            }

            Cells[Count] = default;
            return ref Cells[Count++];
        }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (ValuesLength + bytes.Length > Values.Length)
            {
                Array.Resize(ref Values, Math.Max(Values.Length * 2, ValuesLength + bytes.Length));
            }

            bytes.CopyTo(Values.AsSpan(ValuesLength));
            ValuesLength += bytes.Length;
        }

        public ReadOnlySpan<byte> Value(in RawCell cell) => Values.AsSpan(cell.ValueStart, cell.ValueLength);
    }

    /// <summary>
    /// The sheet part read by <see cref="Utf8XmlScanner"/>, a UTF-8 scanner over the inflated bytes: rows and cells
    /// from tags and attributes, numbers and shared-string indexes parsed from the bytes, one reused row buffer of
    /// struct cells (the row handed out is a copy). <see cref="XmlReader"/> (still used for the .ods parts) and, before
    /// it, <see cref="OpenXmlReader"/> measured several times slower on sheet data (docs/benchmarks.md).
    /// </summary>
    private IEnumerable<(int RowIndex, RowBuffer Cells)> ReadRawRows(WorksheetPart part, string sheetName)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = new Utf8XmlScanner(stream, limits.MaxCharactersInPart);
        var row = new RowBuffer();
        while (xml.Read())
        {
            if (xml.Token is XmlToken.StartTag or XmlToken.EmptyTag && xml.Name.SequenceEqual("row"u8))
            {
                yield return (ReadRawRow(xml, row, sheetName), row);
            }
        }
    }

    /// <summary>
    /// Reads the row whose tag is current into <paramref name="row"/> (cleared first); returns its <c>r</c> attribute,
    /// 0 when absent. A row holds at most <see cref="MaxCellsInRow"/> cell elements (Excel's column count): more would
    /// grow the buffer without bound.
    /// </summary>
    private static int ReadRawRow(Utf8XmlScanner xml, RowBuffer row, string sheetName)
    {
        var rowIndex = xml.TryAttribute("r"u8, out var r) && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;
        row.Clear();
        if (xml.Token == XmlToken.EmptyTag)
        {
            return rowIndex;
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token is XmlToken.StartTag or XmlToken.EmptyTag && xml.Name.SequenceEqual("c"u8))
            {
                if (row.Count == MaxCellsInRow)
                {
                    throw new WorkbookFormatException($"Une ligne de la feuille « {sheetName} » contient plus de {Cdppe.Pipeline.Xml.XmlPartLimits.Number(MaxCellsInRow)} cellules, le nombre de colonnes d'une feuille Excel : le classeur est refusé par sécurité.", sheetName);
                }

                ReadRawCell(xml, row);
            }
        }

        return rowIndex;
    }

    private static void ReadRawCell(Utf8XmlScanner xml, RowBuffer row)
    {
        ref var cell = ref row.Add();
        cell.Type = RawType.Number;
        var offset = 0;
        while (xml.NextAttribute(ref offset, out var attribute, out var value))
        {
            if (attribute.Length != 1)
            {
                continue;
            }

            switch (attribute[0])
            {
                case (byte)'r':
                    cell.Column = TryParseColumn(value, out var column) ? column : 0;
                    break;
                case (byte)'t':
                    cell.Type = TypeOf(value);
                    break;
                case (byte)'s':
                    cell.Style = uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
                    break;
            }
        }

        if (xml.Token == XmlToken.EmptyTag)
        {
            return;
        }

        // Most cells: <c …><v>text</v></c>, read in one step.
        if (xml.TryReadOnlyChildText("v"u8, out var text))
        {
            cell.HasValue = true;
            cell.ValueStart = row.ValuesLength;
            cell.ValueLength = text.IndexOfAnyExcept(" \t\n"u8) < 0 ? 0 : text.Length;
            row.Append(text[..cell.ValueLength]);
            return;
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token is not (XmlToken.StartTag or XmlToken.EmptyTag))
            {
                continue;
            }

            var name = xml.Name;
            if (name.SequenceEqual("v"u8))
            {
                ReadValue(xml, row, ref cell);
            }
            else if (name.SequenceEqual("f"u8))
            {
                cell.HasFormula = true;
                xml.SkipElement();
            }
            else if (name.SequenceEqual("is"u8))
            {
                cell.InlineText = ReadRichText(xml);
            }
        }
    }

    /// <summary>The text of the <c>&lt;v&gt;</c> element whose tag is current: its bytes copied to the row buffer, or a string when entities or CDATA make one needed.</summary>
    private static void ReadValue(Utf8XmlScanner xml, RowBuffer row, ref RawCell cell)
    {
        cell.HasValue = true;
        cell.ValueStart = row.ValuesLength;
        cell.ValueLength = 0;
        cell.Decoded = null;
        if (xml.Token == XmlToken.EmptyTag)
        {
            return;
        }

        System.Text.StringBuilder? decoded = null;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token == XmlToken.Text && decoded is null && xml.Content.IndexOfAny((byte)'&', (byte)'\r') < 0)
            {
                row.Append(xml.Content);
                cell.ValueLength += xml.Content.Length;
            }
            else if (xml.Token is XmlToken.Text or XmlToken.CData)
            {
                decoded ??= new System.Text.StringBuilder(System.Text.Encoding.UTF8.GetString(row.Value(cell)));
                decoded.Append(xml.Token == XmlToken.Text ? xml.Decode(xml.Content) : System.Text.Encoding.UTF8.GetString(xml.Content));
            }
        }

        if (decoded is not null)
        {
            cell.Decoded = decoded.ToString();
        }
        else if (row.Value(cell).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            cell.ValueLength = 0; // whitespace alone is no value, as for a reader ignoring insignificant whitespace
        }
    }

    private static RawType TypeOf(ReadOnlySpan<byte> type) => type switch
    {
        [(byte)'s'] => RawType.Shared,
        [(byte)'e'] => RawType.Error,
        [(byte)'b'] => RawType.Boolean,
        [(byte)'d'] => RawType.Date,
        [(byte)'s', (byte)'t', (byte)'r'] => RawType.Str,
        _ when type.SequenceEqual("inlineStr"u8) => RawType.Inline,
        _ => RawType.Number,
    };

    /// <summary>The column of a cell reference such as "B12" (as <see cref="CellReference.TryParse"/> reads it), from its UTF-8 bytes.</summary>
    private static bool TryParseColumn(ReadOnlySpan<byte> reference, out int column)
    {
        column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter((char)reference[i]))
        {
            column = (column * 26) + ((reference[i] | 0x20) - 'a' + 1);
            if (column > 16_384)
            {
                return false;
            }

            i++;
        }

        return i > 0 && i < reference.Length && int.TryParse(reference[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0;
    }

    /// <summary>Texts of a shared-string item or inline string whose tag is current (runs concatenated, phonetic runs excluded); leaves the scanner on its end tag.</summary>
    private static string ReadRichText(Utf8XmlScanner xml)
    {
        if (xml.Token == XmlToken.EmptyTag)
        {
            return string.Empty;
        }

        string? single = null;
        System.Text.StringBuilder? many = null;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token is not (XmlToken.StartTag or XmlToken.EmptyTag))
            {
                continue;
            }

            if (xml.Name.SequenceEqual("rPh"u8))
            {
                xml.SkipElement();
            }
            else if (xml.Name.SequenceEqual("t"u8))
            {
                var text = xml.ReadElementText();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    many.Append(text);
                }
            }
        }

        return many?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>The row handed out, its cells inside the merged ranges <paramref name="crossing"/> it filled from their top-left cell.</summary>
    private SheetRow ToRow(SpreadsheetSheet sheet, int rowIndex, RowBuffer rawCells, List<(int R1, int C1, int R2, int C2)> crossing, Dictionary<(int Row, int Col), SheetCell> anchors)
    {
        // Cells come in column order: they go straight into the row's array. A row out of order, with a repeated
        // column, or crossing a merged range goes through a dictionary (the last cell of a column wins).
        var ordered = new SheetCell[rawCells.Count];
        var count = 0;
        Dictionary<int, SheetCell>? byColumn = null;
        var nextColumn = 1;
        for (var i = 0; i < rawCells.Count; i++)
        {
            ref readonly var raw = ref rawCells.Cells[i];
            var column = raw.Column > 0 ? raw.Column : nextColumn;
            nextColumn = column + 1;
            if (column > limits.MaxColumns)
            {
                if (!raw.HasValue && raw.InlineText is null)
                {
                    continue;
                }

                throw WorkbookFormatException.TooManyColumns(sheet.Name, column, rowIndex, limits);
            }

            var cell = ReadCell(rawCells, in raw, rowIndex, column);
            if (byColumn is null && (count == 0 || ordered[count - 1].Column < column))
            {
                ordered[count++] = cell;
                continue;
            }

            byColumn ??= ordered.Take(count).ToDictionary(c => c.Column);
            byColumn[column] = cell;
        }

        if (crossing.Count > 0)
        {
            byColumn ??= ordered.Take(count).ToDictionary(c => c.Column);
            MergeFill.Apply(rowIndex, byColumn, crossing, anchors);
        }

        if (byColumn is not null)
        {
            return new SheetRow(rowIndex, byColumn);
        }

        if (count < ordered.Length)
        {
            Array.Resize(ref ordered, count);
        }

        return new SheetRow(rowIndex, ordered);
    }

    private SheetCell ReadCell(RowBuffer buffer, in RawCell cell, int row, int column)
    {
        var (format, isDate) = cell.Style is { } style && style < cellFormats.Count ? cellFormats[(int)style] : (null, false);
        var hasFormula = cell.HasFormula;
        var bytes = buffer.Value(cell);
        switch (cell.Type)
        {
            case RawType.Shared:
                var parsed = cell.Decoded is { } d ? int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var i) : int.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out i);
                var text = parsed && i < sharedStrings.Count ? sharedStrings[i] : string.Empty;
                return new SheetCell(row, column, SheetCellKind.Text, text, null, format, false, hasFormula);
            case RawType.Inline:
                return new SheetCell(row, column, SheetCellKind.Text, cell.InlineText ?? Text(bytes, cell) ?? string.Empty, null, format, false, hasFormula);
            case RawType.Str:
                return new SheetCell(row, column, SheetCellKind.Text, Text(bytes, cell) ?? string.Empty, null, format, false, hasFormula);
            case RawType.Error:
                return new SheetCell(row, column, SheetCellKind.Error, Text(bytes, cell) ?? "#N/A", null, format, false, hasFormula);
            case RawType.Boolean:
                var yes = cell.Decoded is { } b ? b == "1" : bytes.SequenceEqual("1"u8);
                return new SheetCell(row, column, SheetCellKind.Boolean, yes ? "VRAI" : "FAUX", yes ? 1 : 0, format, false, hasFormula);
            case RawType.Date:
                var raw = Text(bytes, cell);
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? new SheetCell(row, column, SheetCellKind.Number, null, (date - Epoch1900).TotalDays, format, true, hasFormula)
                    : new SheetCell(row, column, SheetCellKind.Text, raw, null, format, false, hasFormula);
        }

        if (cell.Decoded is { } decoded)
        {
            return decoded.Length == 0
                ? new SheetCell(row, column, SheetCellKind.Empty, null, null, format, false, hasFormula)
                : double.TryParse(decoded, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? new SheetCell(row, column, SheetCellKind.Number, null, n, format, isDate, hasFormula)
                    : new SheetCell(row, column, SheetCellKind.Text, decoded, null, format, false, hasFormula);
        }

        if (bytes.IsEmpty)
        {
            return new SheetCell(row, column, SheetCellKind.Empty, null, null, format, false, hasFormula);
        }

        return TryParseNumber(bytes, out var number)
            ? new SheetCell(row, column, SheetCellKind.Number, null, number, format, isDate, hasFormula)
            : new SheetCell(row, column, SheetCellKind.Text, System.Text.Encoding.UTF8.GetString(bytes), null, format, false, hasFormula);
    }

    /// <summary>A cell's number: whole numbers of up to 15 digits (most cells) read digit by digit, the rest as <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/> reads them.</summary>
    private static bool TryParseNumber(ReadOnlySpan<byte> bytes, out double number)
    {
        if (bytes.Length is > 0 and <= 15)
        {
            long whole = 0;
            var i = 0;
            for (; i < bytes.Length && bytes[i] - (uint)'0' <= 9; i++)
            {
                whole = (whole * 10) + (bytes[i] - '0');
            }

            if (i == bytes.Length)
            {
                number = whole;
                return true;
            }
        }

        return double.TryParse(bytes, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The value of a cell as a string; null when it has no <c>&lt;v&gt;</c>.</summary>
    private static string? Text(ReadOnlySpan<byte> bytes, in RawCell cell) =>
        cell.Decoded ?? (cell.HasValue ? System.Text.Encoding.UTF8.GetString(bytes) : null);

    private List<string> ReadSharedStrings(WorkbookPart workbookPart)
    {
        var result = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part)
        {
            return result;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = new Utf8XmlScanner(stream, limits.MaxCharactersInPart);
        while (xml.Read())
        {
            if (xml.Token is XmlToken.StartTag or XmlToken.EmptyTag && xml.Name.SequenceEqual("si"u8))
            {
                result.Add(ReadRichText(xml));
            }
        }

        return result;
    }

    private static List<(string? Format, bool IsDate)> ReadCellFormats(WorkbookPart workbookPart)
    {
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return [];
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        return stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f =>
            {
                var id = f.NumberFormatId?.Value ?? 0;
                var code = custom.TryGetValue(id, out var c) ? c : BuiltInFormat(id);
                return (code, IsDateFormat(id, code));
            })
            .ToList();
    }

    private static string? BuiltInFormat(uint id) => id switch
    {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        14 => "dd/mm/yyyy",
        _ => null,
    };

    internal static bool IsDateFormat(uint id, string? code)
    {
        if (id is (>= 14 and <= 22) or (>= 45 and <= 47) or (>= 27 and <= 36) or (>= 50 and <= 58))
        {
            return true;
        }

        if (string.IsNullOrEmpty(code) || id < 164)
        {
            return false;
        }

        var inQuotes = false;
        var inBrackets = false;
        foreach (var ch in code)
        {
            switch (ch)
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case '[' when !inQuotes:
                    inBrackets = true;
                    break;
                case ']' when !inQuotes:
                    inBrackets = false;
                    break;
                default:
                    if (!inQuotes && !inBrackets && "dmyhsDMYHS".Contains(ch, StringComparison.Ordinal))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// The merged ranges of a sheet, stored after its rows: a first pass over the part that also refuses an element
    /// nested deeper than the limit outside the sheet data (the rows are searched for their end tag, not read: the
    /// text of a cell may hold anything, as before).
    /// </summary>
    private List<(int R1, int C1, int R2, int C2)> ReadMergedRanges(WorksheetPart part, string sheetName)
    {
        var result = new List<(int, int, int, int)>();
        var check = new MergedRangeCheck(sheetName, limits);
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = new Utf8XmlScanner(stream, limits.MaxCharactersInPart);
        while (xml.Read())
        {
            if (xml.Token is not (XmlToken.StartTag or XmlToken.EmptyTag))
            {
                continue;
            }

            // The depth of an element as XmlReader counts it: 0 for the root.
            if ((xml.Token == XmlToken.StartTag ? xml.Depth - 1 : xml.Depth) >= limits.Xml.MaxDepth)
            {
                throw XlsxPartCheck.DepthRefusal(part, limits);
            }

            if (xml.Name.SequenceEqual("sheetData"u8))
            {
                xml.SkipFlatElement("sheetData"u8);
            }
            else if (xml.Name.SequenceEqual("mergeCell"u8))
            {
                var parts = xml.AttributeText("ref"u8)?.Split(':');
                if (parts is { Length: 2 } && CellReference.TryParse(parts[0], out var c1, out var r1) && CellReference.TryParse(parts[1], out var c2, out var r2)
                    && check.Clip(r1, c1, r2, c2) is { } merge)
                {
                    result.Add(merge);
                }
            }
        }

        return result;
    }

    private static string Describe(Exception ex) => ex switch
    {
        XmlException => "un de ses éléments XML est invalide ou interdit (DTD).",
        OpenXmlPackageException or FileFormatException or InvalidDataException => "le paquet Open XML est invalide ou incomplet.",
        _ => "son contenu est incohérent.",
    };
}
