namespace Cdppe.Pipeline.Model;

/// <summary>The qualitative bilan of a fiche for one report year (from bilans-fiches).</summary>
public sealed record FicheBilan
{
    public required int Year { get; init; }

    public required int Numero { get; init; }

    public string? Intitule { get; init; }

    public string? Referent { get; init; }

    public string? Constat { get; init; }

    public string? ObjectifOperationnel { get; init; }

    public string? Description { get; init; }

    public string? Acteurs { get; init; }

    public string? BilanQualitatif { get; init; }

    public string? APoursuivre { get; init; }

    /// <summary>Planned total printed in the fiche ("Total : 1 886 914 €"), kept to cross-check the financial table.</summary>
    public decimal? PlannedTotal { get; init; }

    /// <summary>National objective the fiche names (the first one when it names several).</summary>
    public int? Objectif { get; init; }

    /// <summary>Every national objective the fiche names, in order (fiche 17: 9 and 16).</summary>
    public IReadOnlyList<int> Objectifs { get; init; } = [];

    /// <summary>The "Moyens financiers prévisionnels" text, without its "Total : … €" line.</summary>
    public string? Moyens { get; init; }

    /// <summary>The "Documents de référence" (deliberations, conventions, protocols), one per line.</summary>
    public string? DocumentsReference { get; init; }

    /// <summary>
    /// The optional objectives (12-26) the département committed to, as its bilans workbook states them above the
    /// table ("Objectifs facultatifs retenus : 13, 15, 16, 23, 24, 25 et 26"); empty when it does not say.
    /// </summary>
    public IReadOnlyList<int> ObjectifsRetenus { get; init; } = [];

    /// <summary>The "Bilan financier" text as written.</summary>
    public string? BilanFinancier { get; init; }

    /// <summary>Amount consumed as stated by the bilan financier ("Montant consommé … : 437 757 €").</summary>
    public decimal? Consumed { get; init; }

    /// <summary>Percentage of the planned total printed next to the consumed amount ("52 %"), as a ratio.</summary>
    public decimal? ConsumedPercentPrinted { get; init; }

    public string? SourceCell { get; init; }
}
