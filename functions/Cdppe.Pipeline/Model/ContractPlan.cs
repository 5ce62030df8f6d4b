using System.Text.Json.Serialization;

namespace Cdppe.Pipeline.Model;

/// <summary>One plan in force: the workbook kind, the years it covers and where it came from.</summary>
public sealed record ContractPlan
{
    /// <summary><c>plan-action</c>, <c>synthese-objectifs</c> or <c>annexe-2-1</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The years the plan covers: 2020, 2021, 2022 for the plan d'action; 2023 and 2024 for the annexe of 2023 (its year and the next year's funding).</summary>
    public required IReadOnlyList<int> Years { get; init; }

    public required string IngestionId { get; init; }

    public required string FileName { get; init; }

    public required string Sheet { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The year the plan is for: the annexe of 2023 plans 2023 (2024 is its forecast).</summary>
    [JsonIgnore]
    public int FirstYear => Years.Min();

    [JsonIgnore]
    public int LastYear => Years.Max();

    [JsonIgnore]
    public ContractShape Shape => ContractModel.ShapeOf(Kind) ?? throw new InvalidOperationException($"{Kind} is not a plan.");
}
