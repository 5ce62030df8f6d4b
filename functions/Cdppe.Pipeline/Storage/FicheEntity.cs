namespace Cdppe.Pipeline.Storage;

/// <summary>Table Fiches: definitions of a plan d'action (Year 0) and yearly bilans, versioned (see <see cref="FicheStore"/>).</summary>
public sealed class FicheEntity : EntityBase
{
    public int Numero { get; set; }

    /// <summary>0 for a definition row, else the bilan's year.</summary>
    public int Year { get; set; }

    public string Intitule { get; set; } = string.Empty;

    public int? Objectif { get; set; }

    public string? Theme { get; set; }

    public string? Nature { get; set; }

    public string? Referent { get; set; }

    public double? PlannedTotal { get; set; }

    public string? Constat { get; set; }

    public string? ObjectifOperationnel { get; set; }

    public string? Description { get; set; }

    public string? Acteurs { get; set; }

    public string? BilanQualitatif { get; set; }

    public string? APoursuivre { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    /// <summary>Workbook kind that wrote the row: plan-action (definitions) or bilans-fiches (bilans).</summary>
    public string? SourceKind { get; set; }

    public string? BilanFinancier { get; set; }

    /// <summary>Consumed amount stated by the bilan financier.</summary>
    public double? Consumed { get; set; }

    /// <summary>Percentage printed next to it, as a ratio.</summary>
    public double? ConsumedPercentPrinted { get; set; }

    public string? SourceCell { get; set; }

    /// <summary>Every objective a bilan names, comma-separated ("9,16").</summary>
    public string? Objectifs { get; set; }

    /// <summary>The free text of the bilan's moyens financiers prévisionnels.</summary>
    public string? Moyens { get; set; }

    public string? DocumentsReference { get; set; }

    /// <summary>The optional objectives the bilans workbook says the département retained, comma-separated.</summary>
    public string? ObjectifsRetenus { get; set; }
}
