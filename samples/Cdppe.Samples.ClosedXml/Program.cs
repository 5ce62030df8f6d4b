using ClosedXML.Excel;

// Usage: Cdppe.Samples.ClosedXml <source.xlsx> <target.xlsx>
// Builds a new workbook with ClosedXML from the cells of a sample (texts kept as texts, numbers and dates with their
// number formats, booleans, merged ranges, sheet visibility): the same data, written by another program.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Cdppe.Samples.ClosedXml <source.xlsx> <target.xlsx>");
    return 2;
}

using var source = new XLWorkbook(args[0]);
using var target = new XLWorkbook();
foreach (var sheet in source.Worksheets)
{
    var copy = target.AddWorksheet(sheet.Name);
    copy.Visibility = sheet.Visibility;
    foreach (var cell in sheet.CellsUsed(XLCellsUsedOptions.Contents))
    {
        var to = copy.Cell(cell.Address.RowNumber, cell.Address.ColumnNumber);
        switch (cell.DataType)
        {
            case XLDataType.Text:
                to.DataType = XLDataType.Text;
                to.SetValue(cell.GetString());
                to.DataType = XLDataType.Text;
                break;
            case XLDataType.Boolean:
                to.SetValue(cell.GetBoolean());
                break;
            case XLDataType.DateTime:
                to.SetValue(cell.GetDateTime());
                to.Style.NumberFormat.Format = cell.Style.NumberFormat.Format;
                break;
            default:
                to.SetValue(cell.GetDouble());
                to.Style.NumberFormat.Format = cell.Style.NumberFormat.Format;
                break;
        }
    }

    foreach (var range in sheet.MergedRanges)
    {
        copy.Range(range.RangeAddress.ToString()).Merge();
    }
}

target.SaveAs(args[1]);
return 0;
