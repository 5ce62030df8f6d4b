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
    internal static readonly DateTime Epoch1900 = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);
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
        cellFormats = XlsxNumberFormats.Read(workbookPart);
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
                yield return (XlsxRowScanner.ReadRow(xml, row, sheetName), row);
            }
        }
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

            var cell = XlsxCellValues.Read(rawCells, in raw, rowIndex, column, cellFormats, sharedStrings);
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
                result.Add(XlsxRowScanner.ReadRichText(xml));
            }
        }

        return result;
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
