namespace Cdppe.Pipeline.Model;

/// <summary>The codes of <see cref="CampaignState"/> (in the API and in storage) and their French labels.</summary>
public static class CampaignStates
{
    private static readonly (CampaignState State, string Code, string Label)[] All =
    [
        (CampaignState.Preparation, "en-preparation", "en préparation"),
        (CampaignState.Transmitted, "transmis", "transmis"),
        (CampaignState.UnderReview, "en-instruction", "en instruction"),
        (CampaignState.ToComplete, "a-completer", "à compléter"),
        (CampaignState.Validated, "valide", "validé"),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(s => s.Code)];

    public static string Code(CampaignState state) => All.Single(s => s.State == state).Code;

    public static string Label(CampaignState state) => All.Single(s => s.State == state).Label;

    public static CampaignState? Parse(string? code) =>
        All.Where(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(s => (CampaignState?)s.State).FirstOrDefault();
}
