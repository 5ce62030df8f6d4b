using System.Buffers.Binary;
using System.Collections;
using System.Text;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Ingestion.Xls;

/// <summary>
/// The directory of an OLE2 compound file (the container of .xls files) and the bytes of one of its streams,
/// every sector number and size checked against the file so that a damaged or hostile file is refused, never
/// looped over: a chain (DIFAT, FAT, directory, mini-FAT, mini stream, stream) that comes back to a sector it has
/// already read, a sector beyond the end of the file, a count of FAT sectors or a stream size larger than the file
/// are refused with a French <see cref="WorkbookFormatException"/>. A chain never visits a sector twice, so what is
/// read stays within the size of the file. Only what the .xls reader needs beyond ExcelDataReader: the names of the
/// entries (macros, encryption) and the workbook stream (formula errors).
/// </summary>
internal sealed class CompoundFile
{
    /// <summary>Sector numbers from here on are markers (end of chain, free, FAT, DIFAT), not sectors.</summary>
    private const uint FirstMarker = 0xFFFFFFFA;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const string Unreadable = "Le fichier n'est pas un classeur Excel 97-2003 (.xls) lisible : ";
    private const string Damaged = Unreadable + "son conteneur OLE2 est endommagé ou tronqué.";
    private const string Loop = Unreadable + "son conteneur OLE2 est endommagé (une chaîne de secteurs revient sur un secteur déjà lu) ; il est refusé par sécurité.";

    private readonly byte[] file;
    private readonly int sectorSize;
    private readonly int sectorCount;
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
        sectorCount = (file.Length / sectorSize) - 1;
        if (sectorCount < 1)
        {
            throw new WorkbookFormatException(Damaged);
        }

        var fatCount = U32(0x2C);
        if (fatCount > sectorCount)
        {
            throw new WorkbookFormatException($"{Unreadable}son conteneur OLE2 annonce {XmlPartLimits.Number(fatCount)} secteurs de table d'allocation, plus que les {XmlPartLimits.Number(sectorCount)} secteurs du fichier ; il est refusé par sécurité.");
        }

        var fatSectors = FatSectors((int)fatCount);
        fat = new uint[fatCount * (sectorSize / 4)];
        for (var f = 0; f < fatCount; f++)
        {
            var offset = Offset(fatSectors[f]);
            for (var i = 0; i < sectorSize / 4; i++)
            {
                fat[(f * (sectorSize / 4)) + i] = U32(offset + (i * 4));
            }
        }

        var directory = ReadChain(U32(0x30), null, fat, sectorSize, s => Offset(s), file);
        for (var e = 0; e + 128 <= directory.Length; e += 128)
        {
            var nameLength = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(e + 0x40)), (ushort)64);
            var name = Encoding.Unicode.GetString(directory, e, Math.Max(nameLength - 2, 0));
            var size = BinaryPrimitives.ReadUInt64LittleEndian(directory.AsSpan(e + 0x78));
            if (sectorSize == 512)
            {
                size &= 0xFFFFFFFF; // version 3: the high half is not part of the size (some writers leave garbage there)
            }

            entries.Add((name, directory[e + 0x42], BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(e + 0x74)), (long)Math.Min(size, long.MaxValue)));
        }

        if (entries.Count == 0 || entries[0].Type != 5)
        {
            throw new WorkbookFormatException(Damaged);
        }

        var root = entries[0];
        miniStream = ReadChain(root.Start, root.Size, fat, sectorSize, s => Offset(s), file);
        var miniFatBytes = ReadChain(U32(0x3C), null, fat, sectorSize, s => Offset(s), file);
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
            ? ReadChain(entry.Start, entry.Size, miniFat, 64, s => (long)s * 64, miniStream)
            : ReadChain(entry.Start, entry.Size, fat, sectorSize, s => Offset(s), file);
    }

    /// <summary>The FAT sectors: up to 109 listed in the header, the rest in the DIFAT chain (each of its sectors read once).</summary>
    private List<uint> FatSectors(int fatCount)
    {
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109 && fatSectors.Count < fatCount; i++)
        {
            fatSectors.Add(U32(0x4C + (i * 4)));
        }

        var seen = new BitArray(sectorCount);
        var difat = U32(0x44);
        while (fatSectors.Count < fatCount && difat < FirstMarker)
        {
            if (difat >= sectorCount)
            {
                throw new WorkbookFormatException(Damaged);
            }

            if (seen[(int)difat])
            {
                throw new WorkbookFormatException(Loop);
            }

            seen[(int)difat] = true;
            var offset = Offset(difat);
            for (var i = 0; i < (sectorSize / 4) - 1 && fatSectors.Count < fatCount; i++)
            {
                fatSectors.Add(U32(offset + (i * 4)));
            }

            difat = U32(offset + sectorSize - 4);
        }

        if (fatSectors.Count < fatCount || fatSectors.Any(s => s >= sectorCount))
        {
            throw new WorkbookFormatException(Damaged);
        }

        return fatSectors;
    }

    /// <summary>
    /// The bytes of the chain starting at <paramref name="start"/> in <paramref name="table"/>, at most
    /// <paramref name="size"/> of them (null: until the chain ends). A size beyond <paramref name="source"/>, a
    /// sector outside it or one already read are refused.
    /// </summary>
    private static byte[] ReadChain(uint start, long? size, uint[] table, int unit, Func<uint, long> position, byte[] source)
    {
        if (size > source.Length)
        {
            throw new WorkbookFormatException($"{Unreadable}un flux de son conteneur OLE2 annonce {XmlPartLimits.Number(size.Value)} octets, plus que les {XmlPartLimits.Number(source.Length)} octets où il est rangé ; il est refusé par sécurité.");
        }

        var limit = size ?? source.Length;
        using var buffer = new MemoryStream((int)Math.Min(limit, 1 << 20));
        var seen = new BitArray(table.Length);
        var sector = start;
        while (sector != EndOfChain && buffer.Length < limit)
        {
            if (sector >= table.Length)
            {
                if (size is null && sector >= FirstMarker)
                {
                    break; // a chain of unknown length ends on any marker
                }

                throw new WorkbookFormatException(Damaged);
            }

            if (seen[(int)sector])
            {
                throw new WorkbookFormatException(Loop);
            }

            seen[(int)sector] = true;
            var from = position(sector);
            if (from < 0 || from + unit > source.Length)
            {
                throw new WorkbookFormatException(Damaged);
            }

            buffer.Write(source, (int)from, (int)Math.Min(unit, limit - buffer.Length));
            sector = table[sector];
        }

        return buffer.ToArray();
    }

    private long Offset(uint sector) => ((long)sector + 1) * sectorSize;

    private ushort U16(long offset) => BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan((int)offset));

    private uint U32(long offset) => offset + 4 <= file.Length ? BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)offset)) : throw new WorkbookFormatException(Damaged);
}
