using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The bilan of one fiche action for the year: identity, money (recomputed from the rapport financier), texts, indicators.</summary>
public sealed record FicheReport
{
    public required int Numero { get; init; }

    public required string Intitule { get; init; }

    public int? Objectif { get; init; }

    /// <summary>Every national objective of the fiche: the plan's, then the others its bilan names (fiche 17: 9 and 16).</summary>
    public IReadOnlyList<int> Objectifs { get; init; } = [];

    public string? Engagement { get; init; }

    public string? Theme { get; init; }

    public string? Referent { get; init; }

    public bool HasBudgetLine { get; init; }

    public decimal Budget { get; init; }

    public decimal ConsumedBefore { get; init; }

    public decimal ConsumedInYear { get; init; }

    public decimal Consumed { get; init; }

    /// <summary>Consumed cumulative / budget global (fiche 1: 437 757 / 839 727 = 52,1 %), null without budget.</summary>
    public decimal? Rate => Budget > 0 ? Consumed / Budget : null;

    public decimal NotConsumed => Math.Max(0, Budget - Consumed);

    public decimal Overrun => Math.Max(0, Consumed - Budget);

    /// <summary>Planned total printed in the fiche itself, when known ("Total : 1 886 914 €"), else the plan d'action's.</summary>
    public decimal? StatedTotal { get; init; }

    /// <summary>Where <see cref="StatedTotal"/> comes from: "la fiche" (its bilan) or "le plan d'action".</summary>
    public string? StatedTotalSource { get; init; }

    public FicheBilan? Bilan { get; init; }

    /// <summary>A bilan of the year with results in it (fiche 39's bilan financier, qualitatif and « à poursuivre » are empty: it has none).</summary>
    public bool HasBilan => Bilan is { } b && new[] { b.BilanQualitatif, b.BilanFinancier, b.APoursuivre }.Any(t => !string.IsNullOrWhiteSpace(t));

    /// <summary>Money planned per year and funder by the plan d'action (CD, FIR, État, ONDAM).</summary>
    public IReadOnlyList<PlannedFunding> Funding { get; init; } = [];

    /// <summary>
    /// Whether the plan d'action's money by year (<see cref="Funding"/>) adds up to another total than the rapport
    /// financier's budget (fiche 28: 700 000 € against 800 000 €), a difference the annex lists and the fiche notes.
    /// </summary>
    public bool FundingDiffers => HasBudgetLine && Budget > 0 && Funding.Count > 0 && Funding.Sum(x => x.Total) != Budget
        && !(StatedTotalSource == "le plan d'action" && StatedTotal == Funding.Sum(x => x.Total));

    public IReadOnlyList<IndicatorReport> Indicators { get; init; } = [];
}
