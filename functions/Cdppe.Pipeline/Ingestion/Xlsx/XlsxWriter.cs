using System.Globalization;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>
/// Writes real .xlsx files (shared strings, number formats, merged cells, formulas with cached values) with
/// <see cref="OpenXmlWriter"/>, so large sheets stream; notes and tables are added to a written sheet. Used for the
/// blank input templates, the samples and the exports.
/// </summary>
public static class XlsxWriter
{
    public static byte[] Write(IEnumerable<XlsxSheetSpec> sheets, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets, date1904);
        return stream.ToArray();
    }

    public static void Write(Stream stream, IEnumerable<XlsxSheetSpec> sheets, bool date1904 = false)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var formats = new Dictionary<string, uint>(StringComparer.Ordinal);
        var sheetElements = new Sheets();
        uint sheetId = 1;
        foreach (var spec in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, spec, strings, formats);
            if (spec.Notes is { Count: > 0 } notes)
            {
                WorkbookAnnotator.AddNotes(part, notes, (int)sheetId, spec.NotesAuthor);
            }

            sheetElements.Append(new Sheet
            {
                Name = spec.Name,
                SheetId = sheetId++,
                Id = workbookPart.GetIdOfPart(part),
                State = spec.Visibility switch
                {
                    SheetVisibility.Hidden => SheetStateValues.Hidden,
                    SheetVisibility.VeryHidden => SheetStateValues.VeryHidden,
                    _ => null,
                },
            });
        }

        workbookPart.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 ? true : null }, sheetElements);
        var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
        sharedStrings.SharedStringTable = new SharedStringTable(strings.OrderBy(s => s.Value).Select(s => new SharedStringItem(new Text(s.Key) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)strings.Count,
            UniqueCount = (uint)strings.Count,
        };
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet(formats);
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheetSpec spec, Dictionary<string, int> strings, Dictionary<string, uint> formats)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (spec.Widths is { Count: > 0 } widths)
        {
            writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        }

        writer.WriteStartElement(new SheetData());
        var rowIndex = 0;
        var table = spec.Table is { } t ? TableOf(t) : default;
        IReadOnlyList<object?>? tableHeader = null;
        foreach (var values in spec.Rows)
        {
            rowIndex++;
            if (spec.Table is not null && rowIndex == table.FirstRow)
            {
                tableHeader = values;
            }

            writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } value)
                {
                    writer.WriteElement(Cell(CellReference.Format(i + 1, rowIndex), value, strings, formats));
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (spec.Merges is { Count: > 0 } merges)
        {
            writer.WriteElement(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        }

        if (spec.Validations is { Count: > 0 } validations)
        {
            writer.WriteElement(new DataValidations(validations.Select(Validation)) { Count = (uint)validations.Count });
        }

        if (spec.Table is { } excelTable)
        {
            var tablePart = part.AddNewPart<TableDefinitionPart>();
            var names = Enumerable.Range(table.FirstColumn, table.LastColumn - table.FirstColumn + 1)
                .Select(c => tableHeader?.ElementAtOrDefault(c - 1) as string ?? CellReference.ColumnName(c))
                .ToList();
            tablePart.Table = new Table(
                new AutoFilter { Reference = excelTable.Range },
                new TableColumns(names.Select((n, i) => new TableColumn { Id = (uint)(i + 1), Name = n })) { Count = (uint)names.Count },
                new TableStyleInfo { Name = "TableStyleMedium2", ShowRowStripes = true, ShowColumnStripes = false, ShowFirstColumn = false, ShowLastColumn = false })
            {
                Id = 1,
                Name = excelTable.Name,
                DisplayName = excelTable.Name,
                Reference = excelTable.Range,
                TotalsRowShown = false,
            };
            writer.WriteElement(new TableParts(new TablePart { Id = part.GetIdOfPart(tablePart) }) { Count = 1 });
        }

        writer.WriteEndElement();
    }

    private static (int FirstColumn, int FirstRow, int LastColumn) TableOf(XlsxTable table)
    {
        var corners = table.Range.Split(':');
        if (corners.Length != 2 || !CellReference.TryParse(corners[0], out var c1, out var r1) || !CellReference.TryParse(corners[1], out var c2, out _))
        {
            throw new ArgumentException($"Bad table range {table.Range}.", nameof(table));
        }

        return (c1, r1, c2);
    }

    private static DataValidation Validation(XlsxValidation v)
    {
        var validation = new DataValidation
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = v.Range },
            Type = v.List is not null ? DataValidationValues.List : DataValidationValues.Custom,
            AllowBlank = true,
            ShowErrorMessage = v.Error is not null,
            ShowInputMessage = v.Prompt is not null,
            ErrorTitle = v.Error is null ? null : "Valeur refusée",
            Error = v.Error,
            PromptTitle = v.Prompt is null ? null : "Saisie",
            Prompt = v.Prompt,
        };
        validation.Append(new Formula1(v.List is not null ? $"\"{v.List}\"" : v.Formula ?? "TRUE"));
        return validation;
    }

    private static Cell Cell(string reference, object value, Dictionary<string, int> strings, Dictionary<string, uint> formats)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case string text:
                if (!strings.TryGetValue(text, out var index))
                {
                    index = strings.Count;
                    strings[text] = index;
                }

                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                break;
            case XlsxNumber number:
                cell.StyleIndex = Style(number.Format, formats);
                cell.CellValue = new CellValue(number.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case XlsxFormula formula:
                cell.CellFormula = new CellFormula(formula.Formula);
                cell.StyleIndex = formula.Format is { } display ? Style(display, formats) : null;
                switch (formula.Cached)
                {
                    case string s when s.StartsWith('#'):
                        cell.DataType = CellValues.Error;
                        cell.CellValue = new CellValue(s);
                        break;
                    case string s:
                        cell.DataType = CellValues.String;
                        cell.CellValue = new CellValue(s);
                        break;
                    case IConvertible c:
                        cell.CellValue = new CellValue(c.ToDouble(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                        break;
                }

                break;
            case bool b:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(b ? "1" : "0");
                break;
            case IConvertible n:
                cell.CellValue = new CellValue(n.ToDouble(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Unsupported cell value {value.GetType().Name}.", nameof(value));
        }

        return cell;
    }

    private static uint Style(string format, Dictionary<string, uint> formats)
    {
        if (!formats.TryGetValue(format, out var style))
        {
            style = (uint)formats.Count + 1;
            formats[format] = style;
        }

        return style;
    }

    private static Stylesheet Stylesheet(Dictionary<string, uint> formats)
    {
        var ordered = formats.OrderBy(f => f.Value).ToList();
        var cellFormats = new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
        foreach (var (_, style) in ordered)
        {
            cellFormats.Append(new CellFormat { NumberFormatId = 163 + style, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true });
        }

        return new Stylesheet(
            new NumberingFormats(ordered.Select(f => new NumberingFormat { NumberFormatId = 163 + f.Value, FormatCode = f.Key })) { Count = (uint)ordered.Count },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            cellFormats);
    }
}
