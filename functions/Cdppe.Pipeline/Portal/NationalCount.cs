namespace Cdppe.Pipeline.Portal;

/// <summary>
/// A count indicator summed over the départements that reported it for the year, with the month each added value is
/// from (<see cref="Months"/>: "décembre 2022", or "juin 2022 (77), décembre 2022 (68)" when they differ).
/// </summary>
public sealed record NationalCount(string Code, string Label, decimal Total, int Departements)
{
    public string Months { get; init; } = string.Empty;

    /// <summary>Whether the total adds values of different months.</summary>
    public bool MixedMonths { get; init; }
}
