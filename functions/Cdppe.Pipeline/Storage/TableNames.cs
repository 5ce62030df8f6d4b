namespace Cdppe.Pipeline.Storage;

public static class TableNames
{
    /// <summary>Ingestion records and each département's dataset pointers (<see cref="IngestionStore"/>).</summary>
    public const string Ingestions = "Ingestions";
    public const string BudgetLines = "BudgetLines";
    public const string IndicatorValues = "IndicatorValues";
    public const string Snapshots = "Snapshots";
    public const string SnapshotRevisions = "SnapshotRevisions";
    public const string ConsolidationRuns = "ConsolidationRuns";
    public const string BlobReceipts = "BlobReceipts";
    public const string Fiches = "Fiches";

    /// <summary>What each workbook kind says about the indicators (<see cref="IndicatorStore"/>); the département's indicators are their merge.</summary>
    public const string IndicatorSources = "IndicatorSources";

    public const string PlannedFunding = "PlannedFunding";

    public const string Objectives = "Objectives";

    /// <summary>The contracts of a département and their plans in force (<see cref="ContractStore"/>).</summary>
    public const string Contracts = "Contracts";

    /// <summary>The portal's key sessions (<see cref="PortalSessionStore"/>).</summary>
    public const string PortalSessions = "PortalSessions";

    /// <summary>Every version of the texts of the reports' places (<see cref="ReportTextStore"/>).</summary>
    public const string ReportTexts = "ReportTexts";

    /// <summary>Every generated report and what it was made from (<see cref="ReportVersionStore"/>).</summary>
    public const string ReportVersions = "ReportVersions";

    /// <summary>The campaigns with the State: state, rounds and remarks (<see cref="CampaignStore"/>).</summary>
    public const string Campaigns = "Campaigns";

    /// <summary>Who did what, append-only (<see cref="JournalStore"/>).</summary>
    public const string Journal = "Journal";

    /// <summary>The outbox of the e-mail notifications (<see cref="NotificationStore"/>).</summary>
    public const string Notifications = "Notifications";

    /// <summary>The national views' directory of départements and their summaries per year (<see cref="DepartementSummaryStore"/>).</summary>
    public const string DepartementSummaries = "DepartementSummaries";

    public static IReadOnlyList<string> All { get; } = [Ingestions, BudgetLines, IndicatorValues, Snapshots, SnapshotRevisions, ConsolidationRuns, BlobReceipts, Fiches, IndicatorSources, PlannedFunding, Objectives, Contracts, PortalSessions, ReportTexts, ReportVersions, Campaigns, Journal, Notifications, DepartementSummaries];
}
