using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Hosting;

/// <summary>What the campaign's functions of both surfaces answer, written once: the transmission, the review, the list.</summary>
public static class CampaignAnswers
{
    /// <summary>The body of a review: <c>{ "etat": "a-completer", "remarques": [ { "partie": "fiche-9", "texte": "…" } ] }</c>.</summary>
    public sealed record ReviewForm(string? Etat, IReadOnlyList<RemarkInput>? Remarques);

    /// <summary>A review's body: 256 Ko at most (50 remarks of 2 000 characters each fit).</summary>
    public const int MaxReviewBytes = 256 * 1024;

    /// <summary>201 with the package's id and manifest, and where to download it.</summary>
    public static IActionResult Transmitted(Outcome<TransmissionReceipt> outcome, string downloadPrefix) =>
        Answers.From(outcome, receipt => new CreatedResult($"{downloadPrefix}{receipt.Id}?departement={receipt.Departement}", receipt));

    /// <summary>Reads the review's body, then asks for it.</summary>
    public static async Task<IActionResult> ReviewAsync(CampaignService campaigns, Actor actor, Departement departement, int year, HttpRequest request, CancellationToken cancellationToken)
    {
        var (form, problem) = await JsonBody.ReadAsync<ReviewForm>(request, MaxReviewBytes, cancellationToken);
        return problem ?? Answers.From(await campaigns.ReviewAsync(actor, departement, year, form!.Etat, form.Remarques, cancellationToken), view => new OkObjectResult(view));
    }

    /// <summary>The package as a zip download, the bytes written at its transmission.</summary>
    public static async Task<IActionResult> PackageAsync(CampaignService campaigns, Departement departement, int year, string? id, CancellationToken cancellationToken) =>
        Answers.From(await campaigns.PackageAsync(departement, year, id, cancellationToken), Answers.File);
}
