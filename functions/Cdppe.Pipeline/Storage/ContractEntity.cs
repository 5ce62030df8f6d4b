namespace Cdppe.Pipeline.Storage;

/// <summary>Table Contracts: one row per contract of a département (RowKey <c>{first year}|{contrat|avenant}</c>) with its plans in force.</summary>
public sealed class ContractEntity : EntityBase
{
    public string Shape { get; set; } = string.Empty;

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    /// <summary>"Avenant 2023-2024", for a look at the table.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>JSON array of the plans in force: kind, years, ingestion id, file, sheet, received at.</summary>
    public string PlansJson { get; set; } = "[]";

    /// <summary>The version of the dataset pointers (<see cref="DatasetHead.ETag"/>) the contracts were derived from.</summary>
    public string HeadVersion { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
