using System.Globalization;
using System.Text.Json.Serialization;

namespace Cdppe.Pipeline.Model;

/// <summary>
/// The two shapes of plan a département reports on: the contract's plan d'action by fiche action (seed 000,
/// 2020-2022, with its synthesis by objective), and the State's annexe 2.1 of the avenants, by objective and action
/// (seed 002, 2023-2024).
/// </summary>
public enum ContractShape
{
    Contrat,
    Avenant,
}

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

/// <summary>What attaching the plans of one workbook did: the contracts after it and, for the workbook, French warnings.</summary>
public sealed record ContractAttachment(IReadOnlyList<Contract> Contracts, IReadOnlyList<Contract> AttachedTo, IReadOnlyList<string> Warnings);

/// <summary>
/// Derives the contracts of a département from its plans, whatever order they were dropped in. A plan joins the
/// contract of its shape whose period holds its first year, and extends that period to its own last year; otherwise
/// it starts a contract of its own years. A corrected plan (same kind, same first year) replaces the earlier one; a
/// plan of another year never does. Periods that overlap are kept both (the contract that starts first stays in
/// force for the shared years, whatever the order of the drops) and reported as warnings on the workbook that made
/// them overlap.
/// </summary>
public static class ContractModel
{
    /// <summary>The shape of a workbook kind that carries a plan, or null for the other kinds.</summary>
    public static ContractShape? ShapeOf(string kind) => kind switch
    {
        "plan-action" or "synthese-objectifs" => ContractShape.Contrat,
        "annexe-2-1" => ContractShape.Avenant,
        _ => null,
    };

    /// <summary>The contracts of a set of plans (no two of the same kind and first year).</summary>
    public static IReadOnlyList<Contract> Derive(IEnumerable<ContractPlan> plans)
    {
        var contracts = new List<Contract>();
        foreach (var plan in plans.OrderBy(p => p.FirstYear).ThenBy(p => p.ReceivedAt).ThenBy(p => p.Kind, StringComparer.Ordinal))
        {
            var index = contracts.FindIndex(c => c.Shape == plan.Shape && c.Covers(plan.FirstYear));
            if (index < 0)
            {
                contracts.Add(new Contract { Shape = plan.Shape, FirstYear = plan.FirstYear, LastYear = plan.LastYear, Plans = [plan] });
            }
            else
            {
                var c = contracts[index];
                contracts[index] = c with { LastYear = Math.Max(c.LastYear, plan.LastYear), Plans = [.. c.Plans, plan] };
            }
        }

        return contracts;
    }

    /// <summary>Attaches the plans of a new workbook to the département's contracts; the warnings are for that workbook.</summary>
    public static ContractAttachment Attach(IReadOnlyList<Contract> existing, IReadOnlyList<ContractPlan> incoming)
    {
        var replaced = existing.SelectMany(c => c.Plans).Where(p => !incoming.Any(n => n.Kind == p.Kind && n.FirstYear == p.FirstYear)).ToList();
        var before = Derive(replaced);
        var after = Derive(replaced.Concat(incoming));
        var attached = after.Where(c => c.Plans.Any(incoming.Contains)).ToList();
        var warnings = new List<string>();
        foreach (var contract in attached)
        {
            var previous = before.FirstOrDefault(b => b.Shape == contract.Shape && b.Plans.Count > 0 && contract.Plans.Contains(b.Plans[0]));
            if (previous is not null && (previous.FirstYear != contract.FirstYear || previous.LastYear != contract.LastYear))
            {
                var plans = string.Join(", ", contract.Plans.Where(incoming.Contains).Select(p => Years(p)));
                warnings.Add($"Ce plan ({plans}) dépasse la période de « {previous.Name} » ({previous.Plans[0].FileName}) : elle devient {contract.Period}. S'il relève d'un nouveau contrat, vérifiez ses années.");
            }

            foreach (var other in after.Where(o => !ReferenceEquals(o, contract) && o.Overlaps(contract) && !attached.Contains(o)))
            {
                var shared = Enumerable.Range(Math.Max(other.FirstYear, contract.FirstYear), Math.Min(other.LastYear, contract.LastYear) - Math.Max(other.FirstYear, contract.FirstYear) + 1).ToList();
                var inForce = InForce([other, contract], shared[0])!;
                warnings.Add($"La période {contract.Period} de ce plan chevauche celle de « {other.Name} » ({other.Plans[0].FileName}) : pour {YearsText(shared)}, le plan en vigueur reste celui de « {inForce.Name} ». Corrigez les années du plan qui ne convient pas et déposez-le à nouveau.");
            }
        }

        return new ContractAttachment(after, attached, warnings);
    }

    /// <summary>The contract in force in a year: the one whose period holds it (the one that starts first when two do).</summary>
    public static Contract? InForce(IEnumerable<Contract> contracts, int year) =>
        contracts.Where(c => c.Covers(year)).OrderBy(c => c.FirstYear).ThenBy(c => c.RecordedAt).FirstOrDefault();

    private static string Years(ContractPlan plan) => plan.FirstYear == plan.LastYear
        ? plan.FirstYear.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{plan.FirstYear}-{plan.LastYear}");

    private static string YearsText(IReadOnlyList<int> years) => years.Count == 1
        ? years[0].ToString(CultureInfo.InvariantCulture)
        : string.Join(", ", years.Take(years.Count - 1).Select(y => y.ToString(CultureInfo.InvariantCulture))) + " et " + years[^1].ToString(CultureInfo.InvariantCulture);
}
