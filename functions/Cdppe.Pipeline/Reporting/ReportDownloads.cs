using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// The rapport d'exécution and its Word template as the API and the portal hand them out. A template that cannot be
/// used throws <see cref="InvalidReportTemplateException"/> (every error listed), which both surfaces answer alike.
/// </summary>
public sealed class ReportDownloads(AnnualReportService reports, ContractService contracts)
{
    public static string NoDataMessage(Departement departement, int year) =>
        $"Aucune donnée n'a été importée pour le département {departement.Code} en {year} : déposez d'abord ses classeurs.";

    /// <summary>
    /// The report of the year; not found when no contract of the département covers the year (its period would be
    /// invented: <see cref="ContractCoverage"/>) or when nothing was ingested for the département and the year.
    /// </summary>
    public async Task<Outcome<GeneratedReport>> ReportAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        if (await contracts.YearRefusalAsync(departement, year, cancellationToken) is { } refusal)
        {
            return new(Refusal.NotFound, refusal);
        }

        return await reports.GenerateAsync(departement, year, cancellationToken) is { } report
            ? new(report)
            : new(Refusal.NotFound, NoDataMessage(departement, year));
    }

    /// <summary>The template in force for the département (its own, else the shared one, else the built-in one); the built-in one without a département.</summary>
    public async Task<ReportTemplate> TemplateAsync(Departement? departement, CancellationToken cancellationToken = default) =>
        departement is { } dep
            ? await reports.GetTemplateAsync(dep, cancellationToken)
            : new ReportTemplate(DefaultReportTemplate.Bytes, AnnualReportService.BuiltInSource, IsBuiltIn: true);
}
