using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>One line of the annexe 2.1 of the year: an objective, or a further line of it ("Action 14-2").</summary>
public sealed record AnnexeLineReport
{
    public int? Objectif { get; init; }

    public string? Libelle { get; init; }

    public string? Mesure { get; init; }

    /// <summary>The State's source of the objective: FIR, 304, ONDAM.</summary>
    public string? Source { get; init; }

    public decimal? Departement { get; init; }

    public decimal? Etat { get; init; }

    public decimal? Total { get; init; }

    public string? AutresFinancements { get; init; }

    public decimal? AutresMontant { get; init; }

    /// <summary>The annexe's funding of the objective for the next year (« Financements 2024 » of the annexe of 2023); null in a forecast.</summary>
    public decimal? NextYearFunding { get; init; }

    public IReadOnlyList<AnnexeActionReport> Actions { get; init; } = [];

    /// <summary>Consumed in the year by the line's actions, or null without any of them in the rapport financier.</summary>
    public decimal? Consumed { get; init; }

    public decimal? NotConsumed => Consumed is { } c ? Math.Max(0, (Total ?? 0) - c) : null;

    public decimal? Rate => Consumed is { } c && Total is > 0 and var t ? c / t : null;
}
