using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

public enum SheetVisibility
{
    Visible,
    Hidden,
    VeryHidden,
}

/// <summary>
/// A read-only workbook: the package is opened with the Open XML SDK and sheets are streamed with a SAX reader,
/// one row at a time, so memory stays bounded by the widest row, the shared strings and the merged ranges, not by
/// the number of rows.
/// </summary>
public sealed class XlsxWorkbook : ISpreadsheet
{
    private static readonly DateTime Epoch1900 = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Epoch1904 = new(1904, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly SpreadsheetDocument document;
    private readonly XlsxLimits limits;
    private readonly List<string> sharedStrings;
    private readonly List<(string? Format, bool IsDate)> cellFormats;
    private readonly List<string> relationshipIds;

    private XlsxWorkbook(SpreadsheetDocument document, XlsxLimits limits)
    {
        this.document = document;
        this.limits = limits;
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
    public static XlsxWorkbook Open(Stream stream, XlsxLimits? limits = null)
    {
        limits ??= XlsxLimits.Default;
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The workbook stream must be seekable.", nameof(stream));
        }

        if (stream.Length == 0)
        {
            throw new WorkbookFormatException("Le fichier est vide (0 octet).");
        }

        CheckContainer(stream, limits);
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
    public IEnumerable<XlsxRow> ReadRows(SpreadsheetSheet sheet)
    {
        var part = SheetPart(sheet);
        var merges = ReadMergedRanges(part);
        var mergeAnchors = new Dictionary<(int Row, int Col), XlsxCell>();
        var count = 0;
        var previousRow = 0;
        foreach (var (rowAttribute, rawCells) in ReadRawRows(part))
        {
            if (++count > limits.MaxRowsPerSheet)
            {
                throw WorkbookFormatException.TooManyRows(sheet.Name, limits);
            }

            var rowIndex = rowAttribute > 0 ? rowAttribute : previousRow + 1;
            previousRow = rowIndex;
            yield return ToRow(sheet, rowIndex, rawCells, merges, mergeAnchors);
        }
    }

    public IReadOnlyList<string> MergedRanges(SpreadsheetSheet sheet) =>
        ReadMergedRanges(SheetPart(sheet)).Select(m => $"{CellReference.Format(m.C1, m.R1)}:{CellReference.Format(m.C2, m.R2)}").ToList();

    public void Dispose() => document.Dispose();

    private WorksheetPart SheetPart(SpreadsheetSheet sheet) => (WorksheetPart)document.WorkbookPart!.GetPartById(relationshipIds[sheet.Index]);

    /// <summary>A cell as its XML carries it, read from reader events without building an element tree.</summary>
    private readonly record struct RawCell(string? Reference, string? Type, uint? Style, string? Value, string? InlineText, bool HasFormula);

    /// <summary>
    /// SAX over the sheet part with <see cref="XmlReader"/> (DTDs prohibited, size-limited): rows and cells from
    /// reader events and attributes, no element tree. <see cref="OpenXmlReader"/> wraps the same reader but measured
    /// four times slower on sheet data (docs/benchmarks.md), so it is kept for the small parts only.
    /// </summary>
    private IEnumerable<(int RowIndex, List<RawCell> Cells)> ReadRawRows(WorksheetPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings(limits));
        var names = new SheetNames(xml.NameTable);
        var cells = new List<RawCell>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, names.Row))
            {
                continue;
            }

            var rowIndex = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
            cells.Clear(); // one buffer for every row: the consumer copies the row before asking for the next
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.Cell))
                    {
                        cells.Add(ReadRawCell(xml, names));
                    }
                }
            }

            yield return (rowIndex, cells);
        }
    }

    private static RawCell ReadRawCell(XmlReader xml, SheetNames names)
    {
        string? reference = null;
        string? type = null;
        uint? style = null;
        if (xml.MoveToFirstAttribute())
        {
            do
            {
                var attribute = xml.LocalName;
                if (ReferenceEquals(attribute, names.Reference))
                {
                    reference = xml.Value;
                }
                else if (ReferenceEquals(attribute, names.Type))
                {
                    type = xml.Value;
                }
                else if (ReferenceEquals(attribute, names.Style) && uint.TryParse(xml.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
                {
                    style = s;
                }
            }
            while (xml.MoveToNextAttribute());
            xml.MoveToElement();
        }

        string? value = null;
        string? inline = null;
        var hasFormula = false;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var name = xml.LocalName;
                if (ReferenceEquals(name, names.Value))
                {
                    value = ReadSimpleText(xml);
                }
                else if (ReferenceEquals(name, names.Formula))
                {
                    hasFormula = true;
                    ReadSimpleText(xml);
                }
                else if (ReferenceEquals(name, names.InlineString))
                {
                    inline = ReadRichText(xml, names);
                }
            }
        }

        return new RawCell(reference, type, style, value, inline, hasFormula);
    }

    /// <summary>Text content of a simple element; leaves the reader on its end tag.</summary>
    private static string ReadSimpleText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        string? single = null;
        System.Text.StringBuilder? many = null;
        while (xml.Read() && xml.NodeType != XmlNodeType.EndElement)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (single is null)
                {
                    single = xml.Value;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    many.Append(xml.Value);
                }
            }
        }

        return many?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>Texts of a shared-string item or inline string (runs concatenated, phonetic runs excluded); leaves the reader on its end tag.</summary>
    private static string ReadRichText(XmlReader xml, SheetNames names)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (ReferenceEquals(xml.LocalName, names.Phonetic))
            {
                xml.Skip();
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }

                continue;
            }

            if (ReferenceEquals(xml.LocalName, names.Text))
            {
                text.Append(ReadSimpleText(xml));
            }
        }

        return text.ToString();
    }

    /// <summary>Settings of every XML part read (here and in the .ods reader): DTDs prohibited, no resolver, size-limited.</summary>
    internal static XmlReaderSettings XmlSettings(XlsxLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = limits.MaxCharactersInPart,
        CloseInput = false,
    };

    /// <summary>Atomised element names, compared by reference.</summary>
    private sealed class SheetNames(XmlNameTable table)
    {
        public string Row { get; } = table.Add("row");

        public string Cell { get; } = table.Add("c");

        public string Value { get; } = table.Add("v");

        public string Formula { get; } = table.Add("f");

        public string InlineString { get; } = table.Add("is");

        public string Text { get; } = table.Add("t");

        public string Phonetic { get; } = table.Add("rPh");

        public string SharedItem { get; } = table.Add("si");

        public string MergeCell { get; } = table.Add("mergeCell");

        public string SheetData { get; } = table.Add("sheetData");

        public string Reference { get; } = table.Add("r");

        public string Type { get; } = table.Add("t");

        public string Style { get; } = table.Add("s");
    }

    private XlsxRow ToRow(SpreadsheetSheet sheet, int rowIndex, List<RawCell> rawCells, List<(int R1, int C1, int R2, int C2)> merges, Dictionary<(int Row, int Col), XlsxCell> anchors)
    {
        var cells = new Dictionary<int, XlsxCell>(rawCells.Count);
        var nextColumn = 1;
        foreach (var raw in rawCells)
        {
            var column = raw.Reference is { } reference && CellReference.TryParse(reference, out var c, out _) ? c : nextColumn;
            nextColumn = column + 1;
            if (column > limits.MaxColumns)
            {
                if (raw.Value is null && raw.InlineText is null)
                {
                    continue;
                }

                throw WorkbookFormatException.TooManyColumns(sheet.Name, column, rowIndex, limits);
            }

            cells[column] = ReadCell(raw, rowIndex, column);
        }

        if (merges.Count > 0)
        {
            FillMerges(rowIndex, cells, merges, anchors);
        }

        return new XlsxRow(rowIndex, cells);
    }

    /// <summary>Gives the empty cells of a row inside a merged range the value of the range's top-left cell (every format).</summary>
    internal static void FillMerges(int rowIndex, Dictionary<int, XlsxCell> cells, List<(int R1, int C1, int R2, int C2)> merges, Dictionary<(int Row, int Col), XlsxCell> anchors)
    {
        foreach (var (r1, c1, r2, c2) in merges)
        {
            if (rowIndex < r1 || rowIndex > r2)
            {
                continue;
            }

            if (rowIndex == r1 && cells.TryGetValue(c1, out var anchor))
            {
                anchors[(r1, c1)] = anchor;
            }

            if (!anchors.TryGetValue((r1, c1), out var value))
            {
                continue;
            }

            for (var col = c1; col <= c2; col++)
            {
                if ((rowIndex != r1 || col != c1) && (!cells.TryGetValue(col, out var existing) || existing.IsEmpty))
                {
                    cells[col] = value with { Row = rowIndex, Column = col, FromMerge = true };
                }
            }
        }
    }

    private XlsxCell ReadCell(RawCell cell, int row, int column)
    {
        var (format, isDate) = cell.Style is { } style && style < cellFormats.Count ? cellFormats[(int)style] : (null, false);
        var hasFormula = cell.HasFormula;
        var raw = cell.Value;
        switch (cell.Type)
        {
            case "s":
                var text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count ? sharedStrings[i] : string.Empty;
                return new XlsxCell(row, column, XlsxCellKind.Text, text, null, format, false, hasFormula);
            case "inlineStr":
                return new XlsxCell(row, column, XlsxCellKind.Text, cell.InlineText ?? raw ?? string.Empty, null, format, false, hasFormula);
            case "str":
                return new XlsxCell(row, column, XlsxCellKind.Text, raw ?? string.Empty, null, format, false, hasFormula);
            case "e":
                return new XlsxCell(row, column, XlsxCellKind.Error, raw ?? "#N/A", null, format, false, hasFormula);
            case "b":
                return new XlsxCell(row, column, XlsxCellKind.Boolean, raw == "1" ? "VRAI" : "FAUX", raw == "1" ? 1 : 0, format, false, hasFormula);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? new XlsxCell(row, column, XlsxCellKind.Number, null, (date - Epoch1900).TotalDays, format, true, hasFormula)
                    : new XlsxCell(row, column, XlsxCellKind.Text, raw, null, format, false, hasFormula);
        }

        if (string.IsNullOrEmpty(raw))
        {
            return new XlsxCell(row, column, XlsxCellKind.Empty, null, null, format, false, hasFormula);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new XlsxCell(row, column, XlsxCellKind.Number, null, number, format, isDate, hasFormula)
            : new XlsxCell(row, column, XlsxCellKind.Text, raw, null, format, false, hasFormula);
    }

    private List<string> ReadSharedStrings(WorkbookPart workbookPart)
    {
        var result = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part)
        {
            return result;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings(limits));
        var names = new SheetNames(xml.NameTable);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.SharedItem))
            {
                result.Add(ReadRichText(xml, names));
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

    private List<(int R1, int C1, int R2, int C2)> ReadMergedRanges(WorksheetPart part)
    {
        var result = new List<(int, int, int, int)>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings(limits));
        var names = new SheetNames(xml.NameTable);
        xml.MoveToContent();
        while (!xml.EOF)
        {
            XlsxPartCheck.CheckDepth(xml, part, limits); // a sheet nested too deep is refused here, before anything loads its element tree
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.SheetData))
            {
                xml.Skip();
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.MergeCell))
            {
                var parts = xml.GetAttribute("ref")?.Split(':');
                if (parts is { Length: 2 } && CellReference.TryParse(parts[0], out var c1, out var r1) && CellReference.TryParse(parts[1], out var c2, out var r2))
                {
                    result.Add((Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2)));
                }
            }

            xml.Read();
        }

        return result;
    }

    /// <summary>Checks a zip container (.xlsx, .ods) against the entry count, size and compression-ratio limits.</summary>
    internal static void CheckContainer(Stream stream, XlsxLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw new WorkbookFormatException($"Le fichier contient {zip.Entries.Count} éléments compressés (limite {limits.MaxZipEntries}) : il est refusé par sécurité.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > 1_000_000 && entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    throw new WorkbookFormatException($"L'élément « {entry.FullName} » du fichier a un taux de compression anormal ({entry.Length / entry.CompressedLength} pour 1) : il est refusé par sécurité (bombe de décompression).");
                }
            }

            if (total > limits.MaxUncompressedBytes)
            {
                throw new WorkbookFormatException($"Le fichier décompressé ferait {total / (1024 * 1024)} Mo (limite {limits.MaxUncompressedBytes / (1024 * 1024)} Mo) : il est refusé par sécurité.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new WorkbookFormatException(SpreadsheetFormats.NotAWorkbookMessage, inner: ex);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        XmlException => "un de ses éléments XML est invalide ou interdit (DTD).",
        OpenXmlPackageException or FileFormatException or InvalidDataException => "le paquet Open XML est invalide ou incomplet.",
        _ => "son contenu est incohérent.",
    };
}
