using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Base of the table entities: partition = département code, deterministic row keys.</summary>
public abstract class EntityBase : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}

/// <summary>One workbook received (RowKey = SHA-256 of its bytes, so the same bytes are one ingestion).</summary>
public sealed class IngestionEntity : EntityBase
{
    public string FileName { get; set; } = string.Empty;

    public string BlobName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public long Size { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The stored code of <see cref="State"/>: accepted, rejected or failed.</summary>
    public string Status { get; set; } = string.Empty;

    [IgnoreDataMember]
    public IngestionStatus State
    {
        get => IngestionStatuses.Parse(Status);
        set => Status = IngestionStatuses.Code(value);
    }

    public string Kinds { get; set; } = string.Empty;

    public string Years { get; set; } = string.Empty;

    /// <summary>The contracts whose periods the workbook was attached to ("Avenant 2023-2024"), when known.</summary>
    public string? Contract { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public int Lines { get; set; }

    public string ArchivePath { get; set; } = string.Empty;

    public string ReportPath { get; set; } = string.Empty;

    /// <summary>The first French messages, for a quick look; the full list is in the report blob.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>The normalised content as stored by this ingestion (JSON blob), readable after a later drop supersedes it.</summary>
    public string? DataPath { get; set; }

    /// <summary>For a rejected workbook: the copy with a comment on each faulty cell.</summary>
    public string? AnnotatedPath { get; set; }

    /// <summary>"kind:ingestion id" of the later drops that replaced this ingestion's data, comma separated.</summary>
    public string? SupersededBy { get; set; }
}

/// <summary>The dataset pointers of a département, in table Ingestions (see <see cref="DatasetHead"/>).</summary>
public sealed class DatasetHeadEntity : EntityBase
{
    /// <summary>JSON <c>{ "plan-action": "{ingestion id}", "rapport-financier|2022": "…" }</c>, keys in order.</summary>
    public string Pointers { get; set; } = "{}";

    /// <summary>When the last ingestion that moved a pointer was received.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class BudgetLineEntity : EntityBase
{
    public int Year { get; set; }

    public string Engagement { get; set; } = string.Empty;

    public string? Mesure { get; set; }

    public string? Objectif { get; set; }

    public int? Fiche { get; set; }

    /// <summary>The action of a line keyed by action ("Action n°9-1"), for the years of an annexe 2.1.</summary>
    public string? Action { get; set; }

    public double BudgetGlobal { get; set; }

    public double Departement { get; set; }

    public double Fir { get; set; }

    public double Etat { get; set; }

    public double Ondam { get; set; }

    public string? Modalite { get; set; }

    public double ConsumedBefore { get; set; }

    public double ConsumedInYear { get; set; }

    public double ConsumedCumulative { get; set; }

    public int Order { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public string? SourceCell { get; set; }
}

public sealed class IndicatorValueEntity : EntityBase
{
    public string Code { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string Period { get; set; } = string.Empty;

    public double? Value { get; set; }

    public bool IsPercent { get; set; }

    public string? Text { get; set; }

    public string? Source { get; set; }

    public bool Reliable { get; set; }

    public string? Comment { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public string? SourceCell { get; set; }
}

public sealed class SnapshotEntity : EntityBase
{
    public string Month { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public double? Value { get; set; }

    public bool IsPercent { get; set; }

    public string? Text { get; set; }

    public double? Target { get; set; }

    /// <summary>The target when it is a milestone ("signature du protocole").</summary>
    public string? TargetText { get; set; }

    /// <summary>The stored French label of <see cref="State"/> ("atteint", "en retard"…), as the API and exports print it.</summary>
    public string Status { get; set; } = string.Empty;

    [IgnoreDataMember]
    public SnapshotStatus State
    {
        get => SnapshotStatuses.Parse(Status);
        set => Status = value.Label();
    }

    public bool Reliable { get; set; }

    public string? SourceIngestion { get; set; }

    public int Revision { get; set; }

    public string ContentHash { get; set; } = string.Empty;
}

public sealed class ConsolidationRunEntity : EntityBase
{
    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    public string Trigger { get; set; } = string.Empty;

    public string Months { get; set; } = string.Empty;

    public int Snapshots { get; set; }

    public int RevisionsWritten { get; set; }

    public int Gaps { get; set; }

    public string Warnings { get; set; } = string.Empty;

    /// <summary>On a month's row: the fingerprint of the inputs it was consolidated from (<see cref="Consolidation.MonthlyConsolidator.InputsFingerprint"/>).</summary>
    public string? InputsFingerprint { get; set; }
}

/// <summary>Standalone blob watcher bookkeeping: one row per blob version (ETag), as the Functions host keeps receipts.</summary>
public sealed class BlobReceiptEntity : EntityBase
{
    public string BlobName { get; set; } = string.Empty;

    public string BlobETag { get; set; } = string.Empty;

    public int Attempts { get; set; }

    /// <summary>pending, done or poison.</summary>
    public string State { get; set; } = string.Empty;

    public string? LastError { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An indicator as one workbook kind states it (table IndicatorSources); figures per year are JSON of <c>{ "2022": IndicatorFigure }</c>.</summary>
public sealed class IndicatorEntity : EntityBase
{
    public string Code { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public int? Objectif { get; set; }

    public int? Fiche { get; set; }

    public string Kind { get; set; } = string.Empty;

    public bool Fundamental { get; set; }

    public string? BaselineJson { get; set; }

    public string? BaselineDate { get; set; }

    public string? Source { get; set; }

    public string TargetsJson { get; set; } = "{}";

    public string AchievedJson { get; set; } = "{}";

    public string? NumeratorCode { get; set; }

    public string? DenominatorCode { get; set; }

    public string MilestonesJson { get; set; } = "[]";

    public string IngestionId { get; set; } = string.Empty;

    /// <summary>Every fiche that follows the indicator, comma separated ("1,2").</summary>
    public string? Fiches { get; set; }

    public string? SourceCell { get; set; }
}

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

/// <summary>Table PlannedFunding: money planned by the plan d'action for one fiche and year (see <see cref="PlannedFundingStore"/>).</summary>
public sealed class PlannedFundingEntity : EntityBase
{
    public int Fiche { get; set; }

    public int Year { get; set; }

    public double MasseSalariale { get; set; }

    public double BudgetDgas { get; set; }

    public double Departement { get; set; }

    public double Fir { get; set; }

    public double Etat { get; set; }

    public double Ondam { get; set; }

    public double Total { get; set; }

    public string? CofinancementSource { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public string? SourceCell { get; set; }
}

/// <summary>Table Objectives: one objective line of a plan (see <see cref="ObjectiveStore"/>).</summary>
public sealed class ObjectivePlanEntity : EntityBase
{
    public string Kind { get; set; } = string.Empty;

    public string Period { get; set; } = string.Empty;

    public int Order { get; set; }

    public string? Engagement { get; set; }

    public string? Mesure { get; set; }

    public int? Objectif { get; set; }

    public string? Libelle { get; set; }

    /// <summary>JSON <c>{ "2021": "actions…" }</c>.</summary>
    public string ActionsJson { get; set; } = "{}";

    public string? Fiches { get; set; }

    public string? Partenaires { get; set; }

    public double? Departement { get; set; }

    public double? Etat { get; set; }

    public double? Total { get; set; }

    public string? Modalite { get; set; }

    public string? AutresFinancements { get; set; }

    public double? AutresMontant { get; set; }

    public int? NextYear { get; set; }

    public double? NextYearFunding { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public string? SourceCell { get; set; }
}
