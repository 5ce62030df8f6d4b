namespace Cdppe.Pipeline.Portal;

/// <summary>The Accueil page of a département: last drops, what the year's report still misses, consolidation date.</summary>
public sealed record DepartementOverview(
    string Departement,
    string Name,
    int Year,
    IReadOnlyList<DropSummary> LastDrops,
    IReadOnlyList<KindLabel> MissingKinds,
    IReadOnlyList<MissingMonth> MissingMonths,
    IReadOnlyList<UnreliableValue> Unreliable,
    DateTimeOffset? LastConsolidation,
    bool ReportAvailable,
    KeyFigures Figures);
