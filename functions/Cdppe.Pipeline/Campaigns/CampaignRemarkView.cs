namespace Cdppe.Pipeline.Campaigns;

/// <summary>A remark as shown, with the page of the portal that shows its part.</summary>
public sealed record CampaignRemarkView(int Tour, string Partie, string PartieLibelle, string Page, string Texte, ActorView Auteur, DateTimeOffset Le);
