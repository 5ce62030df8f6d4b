using System.Globalization;
using Cdppe.Benchmarks;
using ClosedXML.Excel;

// Usage: ClosedXmlRunner <file.xlsx> <iterations>. Reads every used cell's value of every sheet.
var path = args[0];
var iterations = int.Parse(args[1], CultureInfo.InvariantCulture);
var result = Measurement.Run($"ClosedXML 0.95.4 · {Path.GetFileName(path)}", iterations, () =>
{
    using var workbook = new XLWorkbook(path); // opened from the file at each run, as the other readers of the harness
    long cells = 0;
    foreach (var sheet in workbook.Worksheets)
    {
        foreach (var cell in sheet.CellsUsed())
        {
            _ = cell.Value;
            cells++;
        }
    }

    return cells.ToString(CultureInfo.InvariantCulture) + " cells";
});
Measurement.Report(result);
