namespace Cdppe.Pipeline.Storage;

/// <summary>Table Campaigns, row <c>{year}|tour|{NNN}</c>: one transmission and its review.</summary>
public sealed class CampaignRoundEntity : EntityBase
{
    public int Round { get; set; }

    public string PackageId { get; set; } = string.Empty;

    public DateTimeOffset TransmittedAt { get; set; }

    public string TransmittedByName { get; set; } = string.Empty;

    public string TransmittedById { get; set; } = string.Empty;

    public string TransmittedByRole { get; set; } = string.Empty;

    public string DataVersion { get; set; } = string.Empty;

    /// <summary>The manifest as JSON (<c>[{fichier, sha256, octets}]</c>).</summary>
    public string Manifest { get; set; } = "[]";

    /// <summary>The files the package lacks as JSON (<c>[{fichier, raison}]</c>); null for a package without any missing.</summary>
    public string? Missing { get; set; }

    public string? Review { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedByName { get; set; }

    public string? ReviewedById { get; set; }

    public string? ReviewedByRole { get; set; }
}
