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
