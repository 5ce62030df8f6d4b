namespace Cdppe.Pipeline.Model;

/// <summary>A département's campaign of a year: its state and its current round (0 before the first transmission).</summary>
public sealed record Campaign(string Departement, int Year, CampaignState State, int Round, DateTimeOffset? UpdatedAt)
{
    public static Campaign New(Departement departement, int year) => new(departement.Code, year, CampaignState.Preparation, 0, null);
}
