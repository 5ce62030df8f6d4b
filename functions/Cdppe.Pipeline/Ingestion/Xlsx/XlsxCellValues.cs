using System.Globalization;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The value of a raw cell of a sheet part, with its number format, as the readers hand it out.</summary>
internal static class XlsxCellValues
{
    public static SheetCell Read(RowBuffer buffer, in RawCell cell, int row, int column, List<(string? Format, bool IsDate)> cellFormats, List<string> sharedStrings)
    {
        var (format, isDate) = cell.Style is { } style && style < cellFormats.Count ? cellFormats[(int)style] : (null, false);
        var hasFormula = cell.HasFormula;
        var bytes = buffer.Value(cell);
        switch (cell.Type)
        {
            case RawCellType.Shared:
                var parsed = cell.Decoded is { } d ? int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var i) : int.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out i);
                var text = parsed && i < sharedStrings.Count ? sharedStrings[i] : string.Empty;
                return new SheetCell(row, column, SheetCellKind.Text, text, null, format, false, hasFormula);
            case RawCellType.Inline:
                return new SheetCell(row, column, SheetCellKind.Text, cell.InlineText ?? Text(bytes, cell) ?? string.Empty, null, format, false, hasFormula);
            case RawCellType.Str:
                return new SheetCell(row, column, SheetCellKind.Text, Text(bytes, cell) ?? string.Empty, null, format, false, hasFormula);
            case RawCellType.Error:
                return new SheetCell(row, column, SheetCellKind.Error, Text(bytes, cell) ?? "#N/A", null, format, false, hasFormula);
            case RawCellType.Boolean:
                var yes = cell.Decoded is { } b ? b == "1" : bytes.SequenceEqual("1"u8);
                return new SheetCell(row, column, SheetCellKind.Boolean, yes ? "VRAI" : "FAUX", yes ? 1 : 0, format, false, hasFormula);
            case RawCellType.Date:
                var raw = Text(bytes, cell);
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? new SheetCell(row, column, SheetCellKind.Number, null, (date - XlsxWorkbook.Epoch1900).TotalDays, format, true, hasFormula)
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
}
