using System.Buffers.Binary;
using System.Text;
using Cdppe.Pipeline.Ingestion.Xlsx;

namespace Cdppe.Pipeline.Ingestion.Xls;

/// <summary>
/// The directory of an OLE2 compound file (the container of .xls files) and the bytes of one of its streams,
/// every sector number and size checked against the file so that a damaged or hostile file is refused, never
/// looped over. Only what the .xls reader needs beyond ExcelDataReader: the names of the entries (macros,
/// encryption) and the workbook stream (formula errors).
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const string Damaged = "Le fichier n'est pas un classeur Excel 97-2003 (.xls) lisible : son conteneur OLE2 est endommagé ou tronqué.";

    private readonly byte[] file;
    private readonly int sectorSize;
    private readonly uint[] fat;
    private readonly List<(string Name, int Type, uint Start, long Size)> entries = [];
    private readonly uint miniCutoff;
    private readonly uint[] miniFat = [];
    private readonly byte[] miniStream = [];

    public CompoundFile(byte[] file)
    {
        this.file = file;
        if (file.Length < 512)
        {
            throw new WorkbookFormatException(Damaged);
        }

        var shift = U16(0x1E);
        if (shift is not (9 or 12))
        {
            throw new WorkbookFormatException(Damaged);
        }

        sectorSize = 1 << shift;
        miniCutoff = U32(0x38);
        var sectorCount = (file.Length / sectorSize) - 1;

        // FAT sectors: 109 listed in the header, the rest in the DIFAT chain.
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            fatSectors.Add(U32(0x4C + (i * 4)));
        }

        var difat = U32(0x44);
        for (var hops = 0; difat < sectorCount && hops <= sectorCount; hops++)
        {
            var offset = Offset(difat);
            for (var i = 0; i < (sectorSize / 4) - 1; i++)
            {
                fatSectors.Add(U32(offset + (i * 4)));
            }

            difat = U32(offset + sectorSize - 4);
        }

        var fatCount = (int)Math.Min(U32(0x2C), (uint)sectorCount);
        fat = new uint[fatCount * (sectorSize / 4)];
        for (var f = 0; f < fatCount; f++)
        {
            if (fatSectors[f] >= sectorCount)
            {
                throw new WorkbookFormatException(Damaged);
            }

            var offset = Offset(fatSectors[f]);
            for (var i = 0; i < sectorSize / 4; i++)
            {
                fat[(f * (sectorSize / 4)) + i] = U32(offset + (i * 4));
            }
        }

        var directory = ReadChain(U32(0x30), long.MaxValue, fat, sectorSize, (s, i) => Offset(s) + i);
        for (var e = 0; e + 128 <= directory.Length; e += 128)
        {
            var nameLength = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(e + 0x40)), (ushort)64);
            var name = Encoding.Unicode.GetString(directory, e, Math.Max(nameLength - 2, 0));
            entries.Add((name, directory[e + 0x42], BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(e + 0x74)), (long)BinaryPrimitives.ReadUInt64LittleEndian(directory.AsSpan(e + 0x78))));
        }

        if (entries.Count == 0 || entries[0].Type != 5)
        {
            throw new WorkbookFormatException(Damaged);
        }

        var root = entries[0];
        miniStream = ReadChain(root.Start, root.Size, fat, sectorSize, (s, i) => Offset(s) + i);
        var miniFatBytes = ReadChain(U32(0x3C), long.MaxValue, fat, sectorSize, (s, i) => Offset(s) + i);
        miniFat = new uint[miniFatBytes.Length / 4];
        for (var i = 0; i < miniFat.Length; i++)
        {
            miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFatBytes.AsSpan(i * 4));
        }
    }

    /// <summary>Whether the file has a stream or storage of that name (case-insensitive, as OLE2 compares them).</summary>
    public bool Has(string name) => entries.Any(e => e.Type is 1 or 2 && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The bytes of a stream, or null when there is none of that name.</summary>
    public byte[]? Read(string name)
    {
        var entry = entries.FirstOrDefault(e => e.Type == 2 && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry.Name is null)
        {
            return null;
        }

        return entry.Size < miniCutoff
            ? ReadChain(entry.Start, entry.Size, miniFat, 64, (s, i) => (long)s * 64 + i, miniStream)
            : ReadChain(entry.Start, entry.Size, fat, sectorSize, (s, i) => Offset(s) + i);
    }

    private byte[] ReadChain(uint start, long size, uint[] table, int unit, Func<uint, int, long> position, byte[]? source = null)
    {
        source ??= file;
        if (size != long.MaxValue && size > source.Length)
        {
            throw new WorkbookFormatException(Damaged);
        }

        using var buffer = new MemoryStream();
        var sector = start;
        for (var hops = 0; sector != EndOfChain && buffer.Length < size; hops++)
        {
            if (sector >= table.Length || hops > table.Length)
            {
                if (size == long.MaxValue && sector > EndOfChain - 4)
                {
                    break; // a chain of unknown length ends on any special value
                }

                throw new WorkbookFormatException(Damaged);
            }

            var from = position(sector, 0);
            if (from < 0 || from + unit > source.Length)
            {
                throw new WorkbookFormatException(Damaged);
            }

            buffer.Write(source, (int)from, (int)Math.Min(unit, size - buffer.Length));
            sector = table[sector];
        }

        return buffer.ToArray();
    }

    private long Offset(uint sector) => ((long)sector + 1) * sectorSize;

    private ushort U16(long offset) => BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan((int)offset));

    private uint U32(long offset) => offset + 4 <= file.Length ? BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)offset)) : throw new WorkbookFormatException(Damaged);
}
