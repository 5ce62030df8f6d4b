using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// The zip of a transmission: every file of the parts, then <c>manifeste.json</c> (the département, the year, the
/// round, who transmitted and when, the data version, each file with its SHA-256 and size, and each file missing with
/// the reason in French: <c>manquants</c>).
/// </summary>
public sealed record CampaignPackage(byte[] Zip, IReadOnlyList<ManifestEntry> Manifest)
{
    public const string ManifestName = "manifeste.json";

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerOptions.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static CampaignPackage Build(IReadOnlyList<PackageFile> files, IReadOnlyList<MissingPackageFile> missing, Departement departement, int year, int round, Actor by, DateTimeOffset at, string dataVersion)
    {
        var manifest = files.Select(f => new ManifestEntry(f.Name, Convert.ToHexStringLower(SHA256.HashData(f.Content)), f.Content.LongLength)).ToList();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                Write(zip, file.Name, file.Content, at);
            }

            var description = new
            {
                departement = departement.Code,
                annee = year,
                tour = round,
                transmisLe = at,
                transmisPar = new { nom = by.Name, id = by.Id, role = by.RoleLabel },
                versionDonnees = dataVersion,
                fichiers = manifest,
                manquants = missing,
            };
            Write(zip, ManifestName, JsonSerializer.SerializeToUtf8Bytes(description, ManifestJson), at);
        }

        return new CampaignPackage(buffer.ToArray(), manifest);
    }

    private static void Write(ZipArchive zip, string name, byte[] content, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
