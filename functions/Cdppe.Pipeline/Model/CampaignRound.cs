namespace Cdppe.Pipeline.Model;

/// <summary>
/// One transmission of a campaign: its package (id, files with their SHA-256, the version of the data it was made
/// from, the files it lacks with the reason), who transmitted it and when, and the review it got (null while none).
/// </summary>
public sealed record CampaignRound(
    int Number,
    string PackageId,
    DateTimeOffset TransmittedAt,
    Actor TransmittedBy,
    string DataVersion,
    IReadOnlyList<ManifestEntry> Manifest,
    IReadOnlyList<MissingPackageFile> Missing,
    CampaignState? Review,
    DateTimeOffset? ReviewedAt,
    Actor? ReviewedBy);
