using System.Globalization;

namespace Cdppe.Pipeline.Model;

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
        var changes = new List<ContractPeriodChange>();
        foreach (var contract in attached)
        {
            var previous = before.FirstOrDefault(b => b.Shape == contract.Shape && b.Plans.Count > 0 && contract.Plans.Contains(b.Plans[0]));
            if (previous is not null && (previous.FirstYear != contract.FirstYear || previous.LastYear != contract.LastYear))
            {
                changes.Add(new(contract, contract.Plans.Where(incoming.Contains).ToList(), previous, null, [], null));
            }

            foreach (var other in after.Where(o => !ReferenceEquals(o, contract) && o.Overlaps(contract) && !attached.Contains(o)))
            {
                var shared = Enumerable.Range(Math.Max(other.FirstYear, contract.FirstYear), Math.Min(other.LastYear, contract.LastYear) - Math.Max(other.FirstYear, contract.FirstYear) + 1).ToList();
                var inForce = InForce([other, contract], shared[0])!;
                changes.Add(new(contract, contract.Plans.Where(incoming.Contains).ToList(), null, other, shared, inForce));
            }
        }

        return new ContractAttachment(after, attached, changes);
    }

    /// <summary>The contract in force in a year: the one whose period holds it (the one that starts first when two do).</summary>
    public static Contract? InForce(IEnumerable<Contract> contracts, int year) =>
        contracts.Where(c => c.Covers(year)).OrderBy(c => c.FirstYear).ThenBy(c => c.RecordedAt).FirstOrDefault();
}
