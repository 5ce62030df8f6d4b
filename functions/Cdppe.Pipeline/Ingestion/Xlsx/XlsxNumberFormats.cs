using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The number format of each cell style of a workbook, and whether it shows a date.</summary>
internal static class XlsxNumberFormats
{
    public static List<(string? Format, bool IsDate)> Read(WorkbookPart workbookPart)
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
}
