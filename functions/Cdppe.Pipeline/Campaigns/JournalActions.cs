namespace Cdppe.Pipeline.Campaigns;

/// <summary>The codes of the journal's actions.</summary>
public static class JournalActions
{
    public const string Drop = "depot";
    public const string Consolidation = "consolidation";
    public const string Report = "rapport";
    public const string TemplateChange = "modele";
    public const string Texts = "textes";
    public const string Transmission = "transmission";
    public const string Review = "revue";
    public const string Remark = "remarque";
}
