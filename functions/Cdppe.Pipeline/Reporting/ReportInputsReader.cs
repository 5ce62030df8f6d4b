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
    PlannedFundingStore funding,
    IndicatorStore indicators,
    SnapshotStore snapshots,
    IngestionReportStore reports,
    ContractPeriodReader contracts,
    TimeProvider clock)
{
    public async Task<ReportInputs> LoadAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        // One version of the pointers, then every read of it at once: the report waits for the longest, not the sum.
        var head = await ingestions.HeadAsync(departement.Code, cancellationToken);
        var linesRead = budget.CurrentAsync(head, year, cancellationToken);
        var snapshotsRead = snapshots.YearAsync(departement.Code, year, cancellationToken);
        var definitionsRead = fiches.DefinitionsAsync(head, cancellationToken);
        var bilansRead = fiches.BilansAsync(head, year, cancellationToken);
        var fundingRead = funding.CurrentAsync(head, cancellationToken);
        var indicatorsRead = indicators.CurrentAsync(head, cancellationToken);
        var warningsRead = WarningsAsync(head, year, cancellationToken);

        // The contract in force decides the plan of the year: in an avenant year, the annexe 2.1 and its rapport
        // financier by action, not the fiches of the plan d'action; indicators of another period are left out.
        var lines = await linesRead;
        var period = await contracts.ReadAsync(head, year, lines, cancellationToken);
        await Task.WhenAll(snapshotsRead, definitionsRead, bilansRead, fundingRead, indicatorsRead, warningsRead);
        var yearSnapshots = await snapshotsRead;
        var withSnapshots = yearSnapshots.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var avenant = period.InForce?.Shape == ContractShape.Avenant;
        return new ReportInputs
        {
            Departement = departement,
            Year = year,
            GeneratedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            DataVersion = DataVersionOf(head),
            BudgetLines = period.AnnexePlan is null ? lines : [],
            Fiches = avenant ? [] : await definitionsRead,
            Bilans = await bilansRead,
            Funding = avenant ? [] : await fundingRead,
            Indicators = (await indicatorsRead).Values
                .Where(i => ContractPeriodReader.BelongsToPeriod(i, period.InForce, withSnapshots))
                .OrderBy(i => i.Code, StringComparer.Ordinal)
                .ToList(),
            Snapshots = yearSnapshots,
            Warnings = await warningsRead,
            Period = period,
        };
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the current datasets (<c>key=ingestion</c>, one per line, in key order).</summary>
    public static string DataVersionOf(DatasetHead head) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', head.Current.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value)))))[..16];

    /// <summary>
    /// Warnings of the accepted ingestions that fed the year, with their cells, from the ingestion reports. A rapport
    /// financier replaced by a corrected one no longer feeds the report: its warnings are left out.
    /// </summary>
    private async Task<List<SourceWarning>> WarningsAsync(DatasetHead head, int year, CancellationToken cancellationToken)
    {
        var currentBudget = head.Of(DatasetKeys.Budget(year));
        var records = (await ingestions.ListAsync(head.Partition, cancellationToken)).Where(e =>
        {
            var superseded = e.Kinds.Count > 0 && e.Kinds.All(k => k == WorkbookKinds.RapportFinancier) && e.Id != currentBudget;
            return e.Status == IngestionStatus.Accepted && e.WarningCount > 0 && !superseded && (e.Years.Count == 0 || e.Years.Contains(year.ToString(CultureInfo.InvariantCulture)));
        });

        // The reports are read together and their warnings kept in the order the workbooks were received.
        var read = await Task.WhenAll(records.OrderBy(r => r.ReceivedAt).Select(r => WarningsOfAsync(head.Partition, r, cancellationToken)));
        return [.. read.SelectMany(w => w)];
    }

    private async Task<IEnumerable<SourceWarning>> WarningsOfAsync(string partition, IngestionRecord record, CancellationToken cancellationToken)
    {
        IngestionReport? report;
        try
        {
            report = await reports.ReadReportAsync(partition, record.Id, cancellationToken);
        }
        catch (JsonException)
        {
            return [new SourceWarning(record.FileName, "avertissement", "Le compte rendu d'import de ce classeur est illisible.", null, null, null, null)];
        }

        return report is null
            ? [new SourceWarning(record.FileName, "avertissement", $"Le compte rendu d'import de ce classeur est introuvable ({record.WarningCount} avertissements annoncés).", null, null, null, null)]
            : report.Issues.Where(i => i.Severity != "information").Select(i => new SourceWarning(record.FileName, i.Severity, i.Message, i.Sheet, i.Cell, i.Seen, i.Expected)
            {
                Code = i.Code,
                Kind = i.Kind,
                Column = i.Column,
                Engagement = i.Engagement,
            });
    }
}
