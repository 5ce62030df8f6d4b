namespace Cdppe.Pipeline.Model;

/// <summary>
/// Where a département's campaign of a year stands: en préparation → transmis → en instruction → validé, or
/// à compléter (then transmitted again, a new round).
/// </summary>
public enum CampaignState
{
    Preparation,
    Transmitted,
    UnderReview,
    ToComplete,
    Validated,
}
