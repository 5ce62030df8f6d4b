using System.Globalization;
using System.Text;
using System.Text.Json;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// Any table of the portal as an <c>.xlsx</c> workbook: the figures the page shows, numbers stored as numbers with a
/// French-looking format (<c>1 234</c>, <c>2,5 %</c>, <c>1 234 €</c>), texts as texts. One sheet: the caption, the
/// headers, the rows. Written by <see cref="XlsxWriter"/>, the same writer as the input templates.
/// </summary>
public static class TableWorkbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Largest table accepted, as sent by the page.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public const int MaxRows = 20_000;

    public const int MaxColumns = 60;

    private const int MaxCellLength = 32_767;

    /// <summary>The number formats a cell may ask for, and their Excel codes (shown the French way by a French Excel).</summary>
    public static IReadOnlyDictionary<string, string> Formats { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nombre"] = "#,##0",
        ["decimal"] = "#,##0.0",
        ["pourcent"] = "0.0\\ %",
        ["euros"] = "#,##0\\ \"€\"",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };

    /// <summary>Reads the table sent by a page (at most <see cref="MaxBytes"/>) and writes its workbook, or says why not.</summary>
    public static async Task<Outcome<FileDownload>> WriteAsync(Stream body, long? length, CancellationToken cancellationToken)
    {
        var tooLarge = string.Create(FrenchFormat.Culture, $"Le tableau à exporter dépasse {MaxBytes / (1024 * 1024)} Mo : filtrez-le avant de l'exporter.");
        if (length > MaxBytes)
        {
            return new(Refusal.TooLarge, tooLarge);
        }

        using var buffer = new MemoryStream();
        var block = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(block, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new(Refusal.TooLarge, tooLarge);
            }

            buffer.Write(block, 0, read);
        }

        TableExport? table;
        try
        {
            table = JsonSerializer.Deserialize<TableExport>(buffer.ToArray(), Json);
        }
        catch (JsonException)
        {
            table = null;
        }

        if (table is not { Title: not null, Columns: { Count: > 0 }, Rows: not null })
        {
            return new(Refusal.Invalid, "Le tableau à exporter est illisible : rechargez la page puis réessayez.");
        }

        if (table.Rows.Count > MaxRows || table.Columns.Count > MaxColumns)
        {
            return new(Refusal.TooLarge, string.Create(FrenchFormat.Culture, $"Le tableau à exporter a plus de {FrenchFormat.Number(MaxRows)} lignes ou de {MaxColumns} colonnes : filtrez-le avant de l'exporter."));
        }

        return new(new FileDownload(Write(table), ContentType, FileName(table.FileName)));
    }

    /// <summary>The workbook of a table: caption in A1, headers on row 2, then the rows.</summary>
    public static byte[] Write(TableExport table)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { Cut(table.Title) },
            table.Columns.Select(c => (object?)Cut(c ?? string.Empty)).ToList(),
        };
        rows.AddRange(table.Rows.Select(row => (row ?? []).Take(table.Columns.Count).Select(Cell).ToList()));
        var widths = table.Columns.Select((c, i) => Math.Clamp(rows.Skip(1).Max(r => i < r.Count ? Text(r[i]).Length : 0) + 2, 8, 60)).Select(w => (double)w).ToList();
        return XlsxWriter.Write([new XlsxSheetSpec(SheetName(table.Title), rows) { Widths = widths }]);
    }

    /// <summary>A safe file name from the page's (letters, digits and dashes), with <c>.xlsx</c>.</summary>
    public static string FileName(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in TextNormalizer.Normalize(name ?? string.Empty))
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var clean = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (clean.Length == 0 ? "tableau" : clean[..Math.Min(clean.Length, 80)]) + ".xlsx";
    }

    private static object? Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Number when cell.TryGetDouble(out var number) && double.IsFinite(number) => number,
        JsonValueKind.Object when cell.TryGetProperty("valeur", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) =>
            cell.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && Formats.TryGetValue(format.GetString()!, out var code) ? new XlsxNumber(number, code) : number,
        JsonValueKind.String => Cut(cell.GetString() ?? string.Empty) is { Length: > 0 } text ? text : null,
        JsonValueKind.True => "oui",
        JsonValueKind.False => "non",
        _ => null,
    };

    private static string Text(object? value) => value switch
    {
        string s => s,
        XlsxNumber n => n.Value.ToString("N1", FrenchFormat.Culture),
        double d => d.ToString("N1", FrenchFormat.Culture),
        _ => string.Empty,
    };

    private static string Cut(string text) => text.Length > MaxCellLength ? text[..MaxCellLength] : text;

    /// <summary>Excel's rules: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => !"[]:*?/\\".Contains(c, StringComparison.Ordinal) && !char.IsControl(c)).ToArray()).Trim().Trim('\'');
        return clean.Length == 0 ? "Tableau" : clean[..Math.Min(clean.Length, 31)].Trim();
    }
}
