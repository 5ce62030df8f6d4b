using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>What a transmission answers: the package id, its round, its files with their SHA-256, the files missing and why, the data version.</summary>
public sealed record TransmissionReceipt(string Id, int Tour, string Departement, int Annee, DateTimeOffset TransmisLe, ActorView TransmisPar, string VersionDonnees, IReadOnlyList<ManifestEntry> Manifest, IReadOnlyList<MissingPackageFile> Manquants);
