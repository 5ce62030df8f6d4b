using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// The contract as the report names it: cover title, running header and introduction name the contract in force in
/// the year ("Contrat 2020-2022", "Avenant 2023-2024"); without any plan covering the year, the period printed is the
/// one the data of the year gives (<paramref name="Period"/>), as before contracts were known.
/// </summary>
public sealed record ContractPeriodReport(Contract? InForce, string Period, AnnexeFinancialPart? Annexe, DateTimeOffset? ConsolidatedAt)
{
    private const string ContractWords = "contrat départemental de prévention et de protection de l'enfance";

    public bool IsAvenant => InForce?.Shape == ContractShape.Avenant;

    /// <summary>"Avenant 2023-2024", "Contrat 2020-2022", or null.</summary>
    public string? Name => InForce?.Name;

    /// <summary>The cover's subtitle.</summary>
    public string Title => IsAvenant
        ? $"{InForce!.Name} au {ContractWords} (CDPPE)"
        : $"Contrat départemental de prévention et de protection de l'enfance (CDPPE) {Period}";

    /// <summary>The running header of every page: "CDPPE 2020-2022", "CDPPE – Avenant 2023-2024".</summary>
    public string RunningHeader => IsAvenant ? $"CDPPE – {InForce!.Name}" : $"CDPPE {Period}";

    /// <summary>What the report is the rapport d'exécution of, in the introduction's sentence.</summary>
    public string Subject => IsAvenant
        ? $"de l'avenant au {ContractWords} conclu pour la période {Period}"
        : $"du {ContractWords} conclu pour la période {Period}";

    public IReadOnlyList<ReportCheck> Checks => Annexe?.Checks ?? [];

    public static ContractPeriodReport Build(ReportInputs inputs, int periodStart)
    {
        var inForce = inputs.Period.InForce;
        var period = inForce?.Period ?? (periodStart == inputs.Year
            ? inputs.Year.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{periodStart}-{inputs.Year}"));
        return new ContractPeriodReport(inForce, period, AnnexeFinancialPart.Build(inputs.Year, inputs.Period), inputs.Period.ConsolidatedAt);
    }
}
