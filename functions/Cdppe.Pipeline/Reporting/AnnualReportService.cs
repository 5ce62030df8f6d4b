using System.Globalization;
using System.Text.Json;
using Azure;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Reporting;

public sealed record GeneratedReport(string FileName, byte[] Content, string SavedAs, string TemplateSource, TimeSpan RenderTime);

/// <summary>The template a report is rendered with: its bytes and where it comes from (a blob path, or the built-in one).</summary>
public sealed record ReportTemplate(byte[] Content, string Source, bool IsBuiltIn);

/// <summary>A user template that cannot be used: its location and every error found in it.</summary>
public sealed class InvalidReportTemplateException(string source, TemplateException inner)
    : Exception($"Le modèle « {source} » ne peut pas être utilisé. {inner.Message}", inner)
{
    public string TemplateSource { get; } = source;

    public IReadOnlyList<TemplateError> Errors => inner.Errors;
}

/// <summary>
/// Builds the annual rapport d'exécution of a département from storage (BudgetLines, Fiches, Indicators, Snapshots,
/// Ingestions and their reports), renders it with the département's template (<c>templates/{dep}/rapport-execution.docx</c>,
/// else <c>templates/rapport-execution.docx</c>, else the built-in one) and keeps a copy in <c>reports/</c>.
/// </summary>
public sealed class AnnualReportService(CdppeStorage storage, TimeProvider clock, ILogger<AnnualReportService> logger, DocxTemplateCache? cache = null)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string BuiltInSource = "modèle intégré";

    private static readonly DocxTemplateCache SharedCache = new();
    private readonly DocxTemplateCache templates = cache ?? SharedCache;

    public static string FileName(Departement departement, int year) => string.Create(CultureInfo.InvariantCulture, $"rapport-execution-{departement.Code}-{year}.docx");

    public static string TemplateBlobName(Departement? departement) => departement is { } d ? $"{d.Code}/{DefaultReportTemplate.FileName}" : DefaultReportTemplate.FileName;

    /// <summary>Returns null when the département has no data at all for the year; throws <see cref="InvalidReportTemplateException"/> for a broken template.</summary>
    public async Task<GeneratedReport?> GenerateAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var inputs = await LoadInputsAsync(departement, year, cancellationToken);
        if (inputs.IsEmpty)
        {
            return null;
        }

        var model = AnnualReportModel.Build(inputs);
        var template = await GetTemplateAsync(departement, cancellationToken);
        var started = clock.GetTimestamp();
        byte[] bytes;
        try
        {
            bytes = templates.GetOrCompile(template.Content).Render(ReportTemplateData.Build(model));
        }
        catch (TemplateException ex)
        {
            logger.LogWarning("Template {Template} of {Departement} is invalid: {Errors}", template.Source, departement.Code, ex.Errors.Count);
            throw new InvalidReportTemplateException(template.Source, ex);
        }

        var elapsed = clock.GetElapsedTime(started);
        var fileName = FileName(departement, year);
        var savedAs = $"{departement.Code}/{fileName}";
        await storage.Reports.GetBlobClient(savedAs).UploadAsync(new BinaryData(bytes), overwrite: true, cancellationToken);
        logger.LogInformation("Generated report {FileName} ({Bytes} bytes, {Fiches} fiches) with {Template} in {Milliseconds} ms", fileName, bytes.Length, model.Fiches.Count, template.Source, (int)elapsed.TotalMilliseconds);
        return new GeneratedReport(fileName, bytes, $"{ContainerNames.Reports}/{savedAs}", template.Source, elapsed);
    }

    /// <summary>The template in force for a département (or the shared one, or the built-in one when <paramref name="departement"/> is null and none is shared).</summary>
    public async Task<ReportTemplate> GetTemplateAsync(Departement? departement, CancellationToken cancellationToken = default)
    {
        foreach (var name in departement is null ? [TemplateBlobName(null)] : new[] { TemplateBlobName(departement), TemplateBlobName(null) })
        {
            try
            {
                var content = await storage.Templates.GetBlobClient(name).DownloadContentAsync(cancellationToken);
                return new ReportTemplate(content.Value.Content.ToArray(), $"{ContainerNames.Templates}/{name}", IsBuiltIn: false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Not there: try the next one.
            }
        }

        return new ReportTemplate(DefaultReportTemplate.Bytes, BuiltInSource, IsBuiltIn: true);
    }

    public async Task<AnnualReportModel> LoadAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        AnnualReportModel.Build(await LoadInputsAsync(departement, year, cancellationToken));

    public async Task<ReportInputs> LoadInputsAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        // Read the département's tables while no ingestion is replacing them: one version of each, never a mix.
        await using var readLock = await new DepartementLock(storage).AcquireAsync(departement.Code, TimeSpan.FromSeconds(60), cancellationToken);
        var partition = departement.Code;
        var datasets = new DatasetStore(storage);
        var currentBudget = await datasets.CurrentAsync(partition, BudgetLineMapping.Kind, year, cancellationToken);
        var lines = currentBudget is null ? [] : await datasets.BudgetLinesOfAsync(partition, year, currentBudget, cancellationToken);
        var budgetIngestions = new HashSet<string>(StringComparer.Ordinal);
        if (currentBudget is not null)
        {
            budgetIngestions.Add(currentBudget);
        }

        var period = await new ContractPeriodReader(storage).ReadAsync(partition, year, lines, cancellationToken);
        var avenant = period.InForce?.Shape == ContractShape.Avenant;
        var definitions = new List<FicheDefinition>();
        var bilans = new List<FicheBilan>();
        await foreach (var e in storage.Table(TableNames.Fiches).QueryAsync<FicheEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (e.Year == 0 && e.RowKey.StartsWith('F'))
            {
                if (avenant)
                {
                    continue; // the fiches of the plan d'action are not the plan of an avenant year
                }

                definitions.Add(new FicheDefinition { Numero = e.Numero, Intitule = e.Intitule, Objectif = e.Objectif, Theme = e.Theme, Nature = e.Nature, Referent = e.Referent, PlannedTotal = (decimal?)e.PlannedTotal });
            }
            else if (e.Year == year)
            {
                bilans.Add(new FicheBilan
                {
                    Year = e.Year,
                    Numero = e.Numero,
                    Intitule = e.Intitule,
                    Referent = e.Referent,
                    Constat = e.Constat,
                    ObjectifOperationnel = e.ObjectifOperationnel,
                    Description = e.Description,
                    Acteurs = e.Acteurs,
                    BilanQualitatif = e.BilanQualitatif,
                    APoursuivre = e.APoursuivre,
                    PlannedTotal = (decimal?)e.PlannedTotal,
                });
            }
        }

        var indicators = new List<IndicatorDefinition>();
        await foreach (var e in storage.Table(TableNames.Indicators).QueryAsync<IndicatorEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            indicators.Add(IndicatorMapping.FromEntity(e));
        }

        var snapshots = new List<MonthlySnapshot>();
        var yearPrefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        await foreach (var s in storage.Table(TableNames.Snapshots).QueryAsync<SnapshotEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(yearPrefix) >= 0 && e.RowKey.CompareTo(yearPrefix + "~") < 0, cancellationToken: cancellationToken))
        {
            if (YearMonth.TryParse(s.Month, out var month))
            {
                snapshots.Add(new MonthlySnapshot(s.Code, s.Label, month.Value, (decimal?)s.Value, s.IsPercent, s.Text, (decimal?)s.Target, s.TargetText, s.Status, s.Reliable, s.SourceIngestion));
            }
        }

        var withSnapshots = snapshots.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return new ReportInputs
        {
            Departement = departement,
            Year = year,
            GeneratedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            BudgetLines = period.AnnexePlan is null ? lines.ToList() : [],
            Fiches = definitions,
            Bilans = bilans,
            Indicators = indicators.Where(i => ContractPeriodReader.BelongsToPeriod(i, period.InForce, withSnapshots)).ToList(),
            Snapshots = snapshots,
            Warnings = await LoadWarningsAsync(partition, year, budgetIngestions, cancellationToken),
            Period = period,
        };
    }

    /// <summary>
    /// Warnings of the accepted ingestions that fed the year, with their cells, from the ingestion reports. A rapport
    /// financier replaced by a corrected one no longer feeds the report: its warnings are left out.
    /// </summary>
    private async Task<List<SourceWarning>> LoadWarningsAsync(string partition, int year, HashSet<string> budgetIngestions, CancellationToken cancellationToken)
    {
        var records = new List<IngestionEntity>();
        await foreach (var e in storage.Table(TableNames.Ingestions).QueryAsync<IngestionEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            var years = e.Years.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var kinds = e.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var superseded = kinds.Length > 0 && kinds.All(k => k == "rapport-financier") && !budgetIngestions.Contains(e.RowKey);
            if (e.Status == "accepted" && e.WarningCount > 0 && !superseded && (years.Length == 0 || years.Contains(year.ToString(CultureInfo.InvariantCulture))))
            {
                records.Add(e);
            }
        }

        var warnings = new List<SourceWarning>();
        foreach (var record in records.OrderBy(r => r.ReceivedAt))
        {
            try
            {
                var content = await storage.IngestionReports.GetBlobClient($"{partition}/{record.RowKey}.json").DownloadContentAsync(cancellationToken);
                var report = JsonSerializer.Deserialize<IngestionReport>(content.Value.Content.ToString(), IngestionReport.JsonOptions);
                foreach (var issue in report?.Issues ?? [])
                {
                    if (issue.Severity != "information")
                    {
                        warnings.Add(new SourceWarning(record.FileName, issue.Severity, issue.Message, issue.Sheet, issue.Cell, issue.Seen, issue.Expected));
                    }
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                warnings.Add(new SourceWarning(record.FileName, "avertissement", $"Le compte rendu d'import de ce classeur est introuvable ({record.WarningCount} avertissements annoncés).", null, null, null, null));
            }
            catch (JsonException)
            {
                warnings.Add(new SourceWarning(record.FileName, "avertissement", "Le compte rendu d'import de ce classeur est illisible.", null, null, null, null));
            }
        }

        return warnings;
    }
}
