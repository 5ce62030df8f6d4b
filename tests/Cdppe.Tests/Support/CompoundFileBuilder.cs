using System.Buffers.Binary;
using System.Text;

namespace Cdppe.Tests.Support;

/// <summary>
/// An OLE2 compound file (the container of an .xls) laid out sector by sector, to be damaged on purpose: the FAT
/// fills sectors 0 to <c>fatSectors - 1</c> (listed in the header), the directory is the sector after them (a root
/// entry and a "Workbook" stream entry), and the workbook stream follows, one chain of <c>streamSectors</c> sectors.
/// </summary>
public sealed class CompoundFileBuilder
{
    public const uint EndOfChain = 0xFFFFFFFE;
    public const uint Free = 0xFFFFFFFF;
    private const uint FatMarker = 0xFFFFFFFD;

    public CompoundFileBuilder(int sectorShift, int sectors, int fatSectors, int streamSectors)
    {
        SectorSize = 1 << sectorShift;
        Bytes = new byte[(sectors + 1) * SectorSize];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(Bytes, 0);
        U16(0x18, 0x3E);
        U16(0x1A, sectorShift == 12 ? (ushort)4 : (ushort)3);
        U16(0x1C, 0xFFFE);
        U16(0x1E, (ushort)sectorShift);
        U16(0x20, 6);
        U32(0x2C, (uint)fatSectors);
        U32(0x38, 4096);
        U32(0x3C, EndOfChain);
        U32(0x44, EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            U32(0x4C + (i * 4), i < fatSectors ? (uint)i : Free);
        }

        Array.Fill(Bytes, (byte)0xFF, SectorSize, fatSectors * SectorSize); // every FAT entry free
        for (var i = 0u; i < fatSectors; i++)
        {
            Next(i, FatMarker);
        }

        Directory = (uint)fatSectors;
        U32(0x30, Directory);
        Next(Directory, EndOfChain);
        Entry(0, "Root Entry", 5, EndOfChain, 0);
        Entry(1, "Workbook", 2, Directory + 1, (ulong)streamSectors * (ulong)SectorSize);
        for (var s = 0u; s < streamSectors; s++)
        {
            Next(Directory + 1 + s, s + 1 < streamSectors ? Directory + 2 + s : EndOfChain);
        }
    }

    public int SectorSize { get; }

    public byte[] Bytes { get; }

    /// <summary>The directory's first sector.</summary>
    public uint Directory { get; }

    /// <summary>Offset of a sector in the file (the header is sector -1).</summary>
    public int Offset(uint sector) => (int)((sector + 1) * SectorSize);

    /// <summary>Sets the FAT entry of <paramref name="sector"/>: the sector that follows it in its chain.</summary>
    public CompoundFileBuilder Next(uint sector, uint next)
    {
        var perSector = (uint)SectorSize / 4;
        return U32(Offset(sector / perSector) + (int)(sector % perSector * 4), next);
    }

    /// <summary>Writes a directory entry (128 bytes each, in the first directory sector).</summary>
    public CompoundFileBuilder Entry(int index, string name, byte type, uint start, ulong size)
    {
        var at = Offset(Directory) + (index * 128);
        var utf16 = Encoding.Unicode.GetBytes(name + "\0");
        utf16.CopyTo(Bytes, at);
        U16(at + 0x40, (ushort)utf16.Length);
        Bytes[at + 0x42] = type;
        U32(at + 0x74, start);
        BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(at + 0x78), size);
        return this;
    }

    public CompoundFileBuilder U32(int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(offset), value);
        return this;
    }

    private void U16(int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan(offset), value);
}
