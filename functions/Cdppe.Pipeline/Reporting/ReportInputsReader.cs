using System.Globalization;
using System.Text.Json;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Reads what the annual report is built from: the current budget lines, fiches, bilans and indicators of one version
/// of the département's dataset pointers (so never half of an ingestion), the year's snapshots, and the warnings of
/// the accepted ingestions that fed the year.
/// </summary>
public sealed class ReportInputsReader(
    IngestionStore ingestions,
    BudgetLineStore budget,
    FicheStore fiches,
    IndicatorStore indicators,
    SnapshotStore snapshots,
    IngestionReportStore reports,
    ContractPeriodReader contracts,
    TimeProvider clock)
{
    public async Task<ReportInputs> LoadAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var head = await ingestions.HeadAsync(departement.Code, cancellationToken);
        var lines = await budget.CurrentAsync(head, year, cancellationToken);
        var yearSnapshots = await snapshots.YearAsync(departement.Code, year, cancellationToken);

        // The contract in force decides the plan of the year: in an avenant year, the annexe 2.1 and its rapport
        // financier by action, not the fiches of the plan d'action; indicators of another period are left out.
        var period = await contracts.ReadAsync(head, year, lines, cancellationToken);
        var withSnapshots = yearSnapshots.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return new ReportInputs
        {
            Departement = departement,
            Year = year,
            GeneratedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            BudgetLines = period.AnnexePlan is null ? lines : [],
            Fiches = period.InForce?.Shape == ContractShape.Avenant ? [] : await fiches.DefinitionsAsync(head, cancellationToken),
            Bilans = await fiches.BilansAsync(head, year, cancellationToken),
            Indicators = (await indicators.CurrentAsync(head, cancellationToken)).Values
                .Where(i => ContractPeriodReader.BelongsToPeriod(i, period.InForce, withSnapshots))
                .OrderBy(i => i.Code, StringComparer.Ordinal)
                .ToList(),
            Snapshots = yearSnapshots,
            Warnings = await WarningsAsync(head, year, cancellationToken),
            Period = period,
        };
    }

    /// <summary>
    /// Warnings of the accepted ingestions that fed the year, with their cells, from the ingestion reports. A rapport
    /// financier replaced by a corrected one no longer feeds the report: its warnings are left out.
    /// </summary>
    private async Task<List<SourceWarning>> WarningsAsync(DatasetHead head, int year, CancellationToken cancellationToken)
    {
        var currentBudget = head.Of(DatasetKeys.Budget(year));
        var records = (await ingestions.ListAsync(head.Partition, cancellationToken)).Where(e =>
        {
            var years = e.Years.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var kinds = e.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var superseded = kinds.Length > 0 && kinds.All(k => k == RapportFinancierParser.KindName) && e.RowKey != currentBudget;
            return e.State == IngestionStatus.Accepted && e.WarningCount > 0 && !superseded && (years.Length == 0 || years.Contains(year.ToString(CultureInfo.InvariantCulture)));
        });

        var warnings = new List<SourceWarning>();
        foreach (var record in records.OrderBy(r => r.ReceivedAt))
        {
            IngestionReport? report;
            try
            {
                report = await reports.ReadReportAsync(head.Partition, record.RowKey, cancellationToken);
            }
            catch (JsonException)
            {
                warnings.Add(new SourceWarning(record.FileName, "avertissement", "Le compte rendu d'import de ce classeur est illisible.", null, null, null, null));
                continue;
            }

            if (report is null)
            {
                warnings.Add(new SourceWarning(record.FileName, "avertissement", $"Le compte rendu d'import de ce classeur est introuvable ({record.WarningCount} avertissements annoncés).", null, null, null, null));
                continue;
            }

            warnings.AddRange(report.Issues.Where(i => i.Severity != "information").Select(i => new SourceWarning(record.FileName, i.Severity, i.Message, i.Sheet, i.Cell, i.Seen, i.Expected)));
        }

        return warnings;
    }
}
