namespace Cdppe.Pipeline.Storage;

/// <summary>Table Campaigns, row <c>{year}</c> of a département's partition: the campaign's state and current round.</summary>
public sealed class CampaignEntity : EntityBase
{
    public int Year { get; set; }

    public string State { get; set; } = string.Empty;

    public int Round { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
