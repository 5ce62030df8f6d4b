using System.Globalization;
using System.Text.Json.Serialization;

namespace Cdppe.Pipeline.Model;

/// <summary>
/// A contract of a département and its period, as the plans ingested define it: "Contrat 2020-2022" (plan d'action
/// and its synthesis), "Avenant 2023-2024" (the annexes 2.1 of 2023 and of 2024).
/// </summary>
public sealed record Contract
{
    public required ContractShape Shape { get; init; }

    public required int FirstYear { get; init; }

    public required int LastYear { get; init; }

    /// <summary>The plans in force, by first year then kind.</summary>
    public required IReadOnlyList<ContractPlan> Plans { get; init; }

    /// <summary>"2020-2022", or "2024" for a one-year period.</summary>
    public string Period => FirstYear == LastYear
        ? FirstYear.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{FirstYear}-{LastYear}");

    /// <summary>"Contrat 2020-2022", "Avenant 2023-2024".</summary>
    public string Name => $"{(Shape == ContractShape.Avenant ? "Avenant" : "Contrat")} {Period}";

    /// <summary>When its first plan was received.</summary>
    [JsonIgnore]
    public DateTimeOffset RecordedAt => Plans.Min(p => p.ReceivedAt);

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    public bool Overlaps(Contract other) => FirstYear <= other.LastYear && other.FirstYear <= LastYear;

    /// <summary>
    /// The plan of a kind that details <paramref name="year"/>: the one made for that year (the annexe of 2024 for
    /// 2024), else the latest one that covers it (the annexe of 2023 and its 2024 funding).
    /// </summary>
    public ContractPlan? PlanFor(int year, string kind) =>
        Plans.Where(p => p.Kind == kind && p.Years.Contains(year)).OrderByDescending(p => p.FirstYear == year).ThenByDescending(p => p.FirstYear).FirstOrDefault();
}
