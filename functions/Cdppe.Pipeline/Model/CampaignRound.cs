namespace Cdppe.Pipeline.Model;

/// <summary>
/// One transmission of a campaign: its package (id, files with their SHA-256, the version of the data it was made
/// from), who transmitted it and when, and the review it got (null while none).
/// </summary>
public sealed record CampaignRound(
    int Number,
    string PackageId,
    DateTimeOffset TransmittedAt,
    Actor TransmittedBy,
    string DataVersion,
    IReadOnlyList<ManifestEntry> Manifest,
    CampaignState? Review,
    DateTimeOffset? ReviewedAt,
    Actor? ReviewedBy);
