using System.IO.Compression;

namespace Cdppe.Benchmarks;

/// <summary>
/// The floor of a produced document: its parts, inflated beforehand, written into a new package at the engines'
/// compression level; nothing templated or computed, so no engine can write that document faster.
/// </summary>
public static class PackageFloor
{
    /// <summary>The parts of a package, inflated.</summary>
    public static List<(string Name, byte[] Bytes)> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }

    /// <summary>The parts written into a new package; returns its length.</summary>
    public static long Package(List<(string Name, byte[] Bytes)> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(bytes);
            }
        }

        return output.Length;
    }
}
