namespace Cdppe.Pipeline.Reporting;

public sealed record AnnexeEngagement(string Engagement, IReadOnlyList<AnnexeLineReport> Lines, AnnexeTotals SubTotal)
{
    public string ShortName => Engagement.Split(" : ", 2)[0].Trim();
}
