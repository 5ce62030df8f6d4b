using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>A round as shown: its package (files, and those missing with the reason), who transmitted it, its review.</summary>
public sealed record CampaignRoundView(int Tour, string Id, DateTimeOffset TransmisLe, ActorView TransmisPar, string VersionDonnees, IReadOnlyList<ManifestEntry> Manifest, IReadOnlyList<MissingPackageFile> Manquants, string? Revue, string? RevueLibelle, DateTimeOffset? RevueLe, ActorView? RevuePar);
