using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Contracts;

/// <summary>
/// Which years a département's contracts cover, and the refusal of a year none covers: a report, an export or a page
/// of that year would have to invent its period. Without any contract known (no plan dropped yet), every year with
/// data is accepted, its period given by the data.
/// </summary>
public static class ContractCoverage
{
    /// <summary>Every year the contracts' periods hold, newest first.</summary>
    public static IReadOnlyList<int> Years(IEnumerable<Contract> contracts) =>
        contracts.SelectMany(c => Enumerable.Range(c.FirstYear, c.LastYear - c.FirstYear + 1)).Distinct().OrderDescending().ToList();

    /// <summary>The French refusal of a year no contract covers, or null when one covers it or none is known.</summary>
    public static string? Refusal(Departement departement, int year, IReadOnlyList<Contract> contracts)
    {
        if (contracts.Count == 0 || ContractModel.InForce(contracts, year) is not null)
        {
            return null;
        }

        var ordered = contracts.OrderBy(c => c.FirstYear).ToList();
        var names = string.Join(", ", ordered.Select(c => $"« {c.Name} »"));
        var after = year > ordered[^1].LastYear;
        var plan = after
            ? string.Create(CultureInfo.InvariantCulture, $"l'annexe 2.1 de {year} de l'avenant qui couvre cette année")
            : string.Create(CultureInfo.InvariantCulture, $"le plan d'action du contrat qui couvre {year}");
        var years = ordered.Count == 1 ? "une année de sa période" : "une année de leurs périodes";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Aucun contrat du département {departement.Code} ne couvre {year} : {(ordered.Count == 1 ? "le seul contrat connu est" : "les contrats connus sont")} {names}. Choisissez {years}, ou déposez d'abord {plan}.");
    }
}
