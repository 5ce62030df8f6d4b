using System.Text;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Cdppe.Pipeline.Ingestion.Xls;

/// <summary>
/// A read-only Excel 97-2003 workbook (.xls, BIFF8) read with ExcelDataReader, which only decodes records: macros
/// (VBA) are never run, only reported. Values come as the cells' cached values with their number formats; dates
/// become serials of the 1900 system. Formula errors, which ExcelDataReader 3.6 returns as empty, come from
/// <see cref="BiffErrors"/>. Same limits as the other formats: file size, sheets, rows per sheet, columns.
/// </summary>
public sealed class XlsWorkbook : ISpreadsheet
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly byte[] bytes;
    private readonly SpreadsheetLimits limits;
    private readonly Dictionary<(string Sheet, int Row, int Column), string> errors;
    private readonly CellBudget budget;

    static XlsWorkbook() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // code pages of BIFF text

    private XlsWorkbook(byte[] bytes, SpreadsheetLimits limits)
    {
        this.bytes = bytes;
        this.limits = limits;
        budget = new CellBudget(limits);
        var container = new CompoundFile(bytes);
        if (container.Has("EncryptedPackage") || container.Has("EncryptionInfo"))
        {
            throw new WorkbookFormatException("Le classeur Excel est chiffré (protégé par un mot de passe) : enregistrez-le sans mot de passe, puis déposez-le.");
        }

        var stream = container.Read("Workbook") ?? container.Read("Book")
            ?? throw new WorkbookFormatException("Le fichier est un document Office 97-2003 mais pas un classeur Excel (pas de flux « Workbook ») : déposez un classeur .xlsx, .xls ou .ods.");
        HasMacros = container.Has("_VBA_PROJECT_CUR");
        errors = BiffErrors.Scan(stream);
        var sheets = new List<SpreadsheetSheet>();
        Guard(() =>
        {
            using var reader = CreateReader();
            do
            {
                if (sheets.Count >= limits.MaxZipEntries)
                {
                    throw new WorkbookFormatException($"Le classeur contient plus de {limits.MaxZipEntries} feuilles : il est refusé par sécurité.");
                }

                sheets.Add(new SpreadsheetSheet(sheets.Count, reader.Name ?? string.Empty, reader.VisibleState switch
                {
                    "hidden" => SheetVisibility.Hidden,
                    "veryhidden" => SheetVisibility.VeryHidden,
                    _ => SheetVisibility.Visible,
                }));
            }
            while (reader.NextResult());
            return 0;
        });
        Sheets = sheets;
    }

    public IReadOnlyList<SpreadsheetSheet> Sheets { get; }

    public bool HasMacros { get; }

    public static XlsWorkbook Open(Stream stream, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        if (stream.Length > limits.MaxUncompressedBytes)
        {
            throw new WorkbookFormatException($"Le fichier fait {stream.Length / (1024 * 1024)} Mo (limite {limits.MaxUncompressedBytes / (1024 * 1024)} Mo) : il est refusé par sécurité.");
        }

        using var copy = new MemoryStream();
        stream.Position = 0;
        stream.CopyTo(copy);
        return new XlsWorkbook(copy.ToArray(), limits);
    }

    public DateTime ToDate(double serial) => Epoch.AddDays(serial);

    public IEnumerable<SheetRow> ReadRows(SpreadsheetSheet sheet)
    {
        using var reader = Guard(() => AtSheet(sheet));
        var merges = new MergeWindow(Merges(reader, sheet.Name, limits));
        var anchors = new Dictionary<(int Row, int Col), SheetCell>();
        var row = 0;
        while (Guard(reader.Read))
        {
            if (++row > limits.MaxRowsPerSheet)
            {
                throw WorkbookFormatException.TooManyRows(sheet.Name, limits);
            }

            var cells = new List<SheetCell>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (ToCell(sheet.Name, reader, row, i) is not { } cell)
                {
                    continue;
                }

                if (i + 1 > limits.MaxColumns)
                {
                    throw WorkbookFormatException.TooManyColumns(sheet.Name, i + 1, row, limits);
                }

                cells.Add(cell);
            }

            if (merges.At(row) is { Count: > 0 } crossing)
            {
                var byColumn = cells.ToDictionary(c => c.Column);
                MergeFill.Apply(row, byColumn, crossing, anchors);
                yield return budget.Charge(sheet.Name, new SheetRow(row, byColumn));
            }
            else
            {
                yield return budget.Charge(sheet.Name, new SheetRow(row, cells.ToArray())); // ExcelDataReader gives the cells in column order
            }
        }
    }

    public IReadOnlyList<string> MergedRanges(SpreadsheetSheet sheet)
    {
        using var reader = Guard(() => AtSheet(sheet));
        return Merges(reader, sheet.Name, limits).Select(m => $"{CellReference.Format(m.C1, m.R1)}:{CellReference.Format(m.C2, m.R2)}").ToList();
    }

    /// <summary>Merged ranges (MERGEDCELLS), 1-based, checked and clipped to the sheet limits; ExcelDataReader gives their covered cells as empty.</summary>
    private static List<(int R1, int C1, int R2, int C2)> Merges(IExcelDataReader reader, string sheet, SpreadsheetLimits limits)
    {
        var check = new MergedRangeCheck(sheet, limits);
        var merges = new List<(int, int, int, int)>();
        foreach (var m in reader.MergeCells ?? [])
        {
            if (check.Clip(m.FromRow + 1L, m.FromColumn + 1L, m.ToRow + 1L, m.ToColumn + 1L) is { } merge)
            {
                merges.Add(merge);
            }
        }

        return merges;
    }

    public void Dispose()
    {
    }

    private IExcelDataReader CreateReader() =>
        ExcelReaderFactory.CreateBinaryReader(new MemoryStream(bytes, writable: false), new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(1252) });

    private IExcelDataReader AtSheet(SpreadsheetSheet sheet)
    {
        var reader = CreateReader();
        for (var i = 0; i < sheet.Index; i++)
        {
            reader.NextResult();
        }

        return reader;
    }

    /// <summary>A cell from ExcelDataReader's value (null for an empty cell), formula errors from the BIFF scan.</summary>
    private SheetCell? ToCell(string sheet, IExcelDataReader reader, int row, int index)
    {
        var column = index + 1;
        var value = reader.GetValue(index);
        var format = value is null ? null : reader.GetNumberFormatString(index);
        return value switch
        {
            null when errors.TryGetValue((sheet, row - 1, index), out var error) => new SheetCell(row, column, SheetCellKind.Error, error, null, null, false, true),
            null => null,
            string text => new SheetCell(row, column, SheetCellKind.Text, text, null, format, false, false),
            bool b => new SheetCell(row, column, SheetCellKind.Boolean, b ? "VRAI" : "FAUX", b ? 1 : 0, format, false, false),
            DateTime date => new SheetCell(row, column, SheetCellKind.Number, null, (date - Epoch).TotalDays, format, true, false),
            TimeSpan time => new SheetCell(row, column, SheetCellKind.Number, null, time.TotalDays, format, true, false),
            IConvertible number => new SheetCell(row, column, SheetCellKind.Number, null, number.ToDouble(System.Globalization.CultureInfo.InvariantCulture), format, false, false),
            _ => null,
        };
    }

    /// <summary>ExcelDataReader's failures on a damaged file as the French error of every format.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is ExcelReaderException or NotSupportedException or IOException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException or InvalidCastException or NullReferenceException)
        {
            throw new WorkbookFormatException("Le fichier n'est pas un classeur Excel 97-2003 (.xls) lisible : son contenu est endommagé ou d'une version non prise en charge.", inner: ex);
        }
    }
}
