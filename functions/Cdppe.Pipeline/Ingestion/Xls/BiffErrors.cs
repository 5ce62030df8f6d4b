using System.Buffers.Binary;
using System.Text;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion.Xls;

/// <summary>
/// The cells holding a formula error (<c>#REF!</c>, <c>#DIV/0!</c>…) in the BIFF records of an .xls workbook stream,
/// by sheet name and 0-based row and column. ExcelDataReader 3.6 returns such cells as empty, which would read an
/// erroneous amount as a blank one; this scan restores them as errors. Only record headers and the few bytes of
/// FORMULA and BOOLERR records are read.
/// </summary>
internal static class BiffErrors
{
    private const ushort Bof = 0x0809;
    private const ushort BoundSheet = 0x0085;
    private const ushort FilePass = 0x002F;
    private const ushort Formula = 0x0006;
    private const ushort BoolErr = 0x0205;
    private const int MaxErrors = 1_000_000;

    public static Dictionary<(string Sheet, int Row, int Column), string> Scan(byte[] stream)
    {
        var sheetAt = new Dictionary<long, string>();
        var errors = new Dictionary<(string, int, int), string>();
        string? sheet = null;
        var biff8 = true;
        long position = 0;
        while (position + 4 <= stream.Length)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan((int)position));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan((int)position + 2));
            var data = stream.AsSpan((int)position + 4, (int)Math.Min(length, stream.Length - position - 4));
            switch (id)
            {
                case Bof when data.Length >= 2:
                    if (sheet is null && sheetAt.Count == 0)
                    {
                        biff8 = BinaryPrimitives.ReadUInt16LittleEndian(data) == 0x0600;
                    }

                    sheet = sheetAt.GetValueOrDefault(position);
                    break;
                case FilePass:
                    throw new WorkbookFormatException("Le classeur Excel 97-2003 est chiffré (protégé par un mot de passe) : enregistrez-le sans mot de passe, puis déposez-le.");
                case BoundSheet when data.Length >= 8:
                    sheetAt[BinaryPrimitives.ReadUInt32LittleEndian(data)] = SheetName(data[6..], biff8);
                    break;
                case Formula when sheet is not null && data.Length >= 14 && data[6] == 2 && data[12] == 0xFF && data[13] == 0xFF:
                    Add(errors, sheet, data, data[8]);
                    break;
                case BoolErr when sheet is not null && data.Length >= 8 && data[7] == 1:
                    Add(errors, sheet, data, data[6]);
                    break;
            }

            position += 4 + length;
        }

        return errors;
    }

    private static void Add(Dictionary<(string, int, int), string> errors, string sheet, ReadOnlySpan<byte> data, byte code)
    {
        if (errors.Count >= MaxErrors)
        {
            throw new WorkbookFormatException("Le classeur contient plus d'un million de cellules en erreur : il est refusé par sécurité.");
        }

        errors[(sheet, BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data[2..]))] = code switch
        {
            0x00 => "#NULL!",
            0x07 => "#DIV/0!",
            0x0F => "#VALUE!",
            0x17 => "#REF!",
            0x1D => "#NAME?",
            0x24 => "#NUM!",
            _ => "#N/A",
        };
    }

    /// <summary>A BOUNDSHEET name: BIFF8 "short unicode string" (length, flags, Latin-1 or UTF-16), BIFF5 8-bit text.</summary>
    private static string SheetName(ReadOnlySpan<byte> data, bool biff8)
    {
        int count = data[0];
        if (!biff8)
        {
            return Encoding.Latin1.GetString(data.Slice(1, Math.Min(count, data.Length - 1)));
        }

        if (data.Length < 2)
        {
            return string.Empty;
        }

        var wide = (data[1] & 1) == 1;
        var bytes = data[2..];
        return wide
            ? Encoding.Unicode.GetString(bytes[..Math.Min(count * 2, bytes.Length & ~1)])
            : Encoding.Latin1.GetString(bytes[..Math.Min(count, bytes.Length)]);
    }
}
