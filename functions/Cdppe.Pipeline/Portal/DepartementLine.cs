namespace Cdppe.Pipeline.Portal;

/// <summary>A département's line of the national page; <see cref="LatestMonth"/>: the latest month of the monthly values its indicators' statuses use ("octobre 2022"), or null.</summary>
public sealed record DepartementLine(
    string Departement,
    string Name,
    int Drops,
    int Accepted,
    int Rejected,
    DateTimeOffset? LastDrop,
    int KindsPresent,
    int KindsRequired,
    IReadOnlyList<KindLabel> MissingKinds,
    int MissingMonths,
    KeyFigures Figures,
    string? LatestMonth)
{
    /// <summary>Share of the kinds the report reads that were dropped for the year (0 to 1).</summary>
    public decimal Completeness => KindsRequired == 0 ? 1 : (decimal)KindsPresent / KindsRequired;
}
