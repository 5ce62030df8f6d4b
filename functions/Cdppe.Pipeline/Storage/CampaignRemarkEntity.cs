namespace Cdppe.Pipeline.Storage;

/// <summary>Table Campaigns, row <c>{year}|remarque|{round NNN}|{NNN}</c>: a remark of the State on a round.</summary>
public sealed class CampaignRemarkEntity : EntityBase
{
    public int Round { get; set; }

    public int Number { get; set; }

    public string Partie { get; set; } = string.Empty;

    public string Texte { get; set; } = string.Empty;

    public string AuthorName { get; set; } = string.Empty;

    public string AuthorId { get; set; } = string.Empty;

    public string AuthorRole { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
