using System.Text.Json;
using Azure;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Contracts;

/// <summary>What a workbook does to the contracts: the contracts after it, the periods it belongs to, its warnings.</summary>
public sealed record WorkbookAttachment(IReadOnlyList<Contract> Contracts, string? Periods, IReadOnlyList<ValidationIssue> Issues, bool ChangesContracts);

/// <summary>A contract as <c>GET /api/contrats</c> lists it.</summary>
public sealed record ContractView(string Name, string Shape, string Period, int FirstYear, int LastYear, IReadOnlyList<ContractPlanView> Plans);

public sealed record ContractPlanView(string Kind, IReadOnlyList<int> Years, string IngestionId, string FileName, string Sheet, DateTimeOffset ReceivedAt);

/// <summary>
/// The contract model of a département (<see cref="ContractModel"/>), kept in <see cref="ContractStore"/>: an
/// accepted workbook that brings a plan (plan d'action, synthèse, annexe 2.1) is attached to the contract of its
/// period, or starts one; any workbook is told which period its years belong to. The model can always be derived
/// again from the accepted ingestions and their reports (what was ingested), which is done when the store is empty.
/// </summary>
public sealed class ContractService(CdppeStorage storage)
{
    private readonly ContractStore store = new(storage);

    /// <summary>The contracts of a département, derived from its ingestions when none is stored yet.</summary>
    public async Task<IReadOnlyList<Contract>> ListAsync(string partition, CancellationToken cancellationToken = default)
    {
        var contracts = await store.ListAsync(partition, cancellationToken);
        return contracts.Count > 0 ? contracts : await RefreshAsync(partition, cancellationToken);
    }

    public async Task<IReadOnlyList<ContractView>> ViewsAsync(string partition, CancellationToken cancellationToken = default) =>
        (await ListAsync(partition, cancellationToken)).Select(View).ToList();

    public static ContractView View(Contract c) => new(
        c.Name,
        c.Shape.ToString().ToLowerInvariant(),
        c.Period,
        c.FirstYear,
        c.LastYear,
        c.Plans.Select(p => new ContractPlanView(p.Kind, p.Years, p.IngestionId, p.FileName, p.Sheet, p.ReceivedAt)).ToList());

    /// <summary>
    /// What a workbook about to be stored does to the contracts (nothing is written): its plans attached, the periods
    /// its years belong to, and French warnings when its plan's period overlaps or extends another, or when its years
    /// fall outside every known contract.
    /// </summary>
    public async Task<WorkbookAttachment> AttachAsync(string partition, string ingestionId, string fileName, DateTimeOffset receivedAt, WorkbookContent content, CancellationToken cancellationToken = default)
    {
        var existing = await ListAsync(partition, cancellationToken);
        var plans = PlansOf(ingestionId, fileName, receivedAt, content.Sheets);
        var issues = new List<ValidationIssue>();
        IReadOnlyList<Contract> contracts = existing;
        if (plans.Count > 0)
        {
            var attachment = ContractModel.Attach(existing, plans);
            contracts = attachment.Contracts;
            var sheet = plans[0].Sheet.Split(", ")[0];
            issues.AddRange(attachment.Warnings.Select(w => new ValidationIssue(Severity.Warning, "periode-contrat", w, sheet)));
        }

        var years = content.Sheets.Where(s => s.Kind is not null).SelectMany(s => s.Years).Distinct().Order().ToList();
        var outside = years.Where(y => ContractModel.InForce(contracts, y) is null).ToList();
        if (outside.Count > 0 && contracts.Count > 0)
        {
            issues.Add(new ValidationIssue(
                Severity.Warning,
                "hors-periode",
                $"Aucun contrat en vigueur en {string.Join(", ", outside)} (contrats connus : {string.Join(", ", contracts.Select(c => c.Name))}) : les données de ces années sont gardées, mais ne seront consolidées et reprises dans un rapport qu'une fois déposé le plan qui les couvre.",
                content.Sheets.FirstOrDefault(s => s.Kind is not null && s.Years.Any(outside.Contains))?.Name));
        }

        var names = years.Select(y => ContractModel.InForce(contracts, y)?.Name).OfType<string>().Distinct().ToList();
        return new WorkbookAttachment(contracts, names.Count == 0 ? null : string.Join(", ", names), issues, plans.Count > 0);
    }

    /// <summary>Stores the contracts of an attachment that changed them.</summary>
    public Task SaveAsync(string partition, WorkbookAttachment attachment, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        attachment.ChangesContracts ? store.ReplaceAsync(partition, attachment.Contracts, at, cancellationToken) : Task.CompletedTask;

    /// <summary>Derives the contracts again from the accepted ingestions (their kinds and the years of their sheets), and stores them.</summary>
    public async Task<IReadOnlyList<Contract>> RefreshAsync(string partition, CancellationToken cancellationToken = default)
    {
        var plans = new List<ContractPlan>();
        await foreach (var record in storage.Table(TableNames.Ingestions).QueryAsync<IngestionEntity>(e => e.PartitionKey == partition && e.Status == "accepted", cancellationToken: cancellationToken))
        {
            var kinds = record.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (!kinds.Any(k => ContractModel.ShapeOf(k) is not null))
            {
                continue;
            }

            IngestionReport? report;
            try
            {
                var blob = await storage.IngestionReports.GetBlobClient($"{partition}/{record.RowKey}.json").DownloadContentAsync(cancellationToken);
                report = JsonSerializer.Deserialize<IngestionReport>(blob.Value.Content.ToString(), IngestionReport.JsonOptions);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                continue;
            }

            var superseded = (record.SupersededBy ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => m.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
            plans.AddRange(PlansOf(record.RowKey, record.FileName, record.ReceivedAt, report?.Sheets ?? []).Where(p => !superseded.Contains(p.Kind)));
        }

        // A corrected plan replaces the one of the same kind and first year.
        var current = plans.GroupBy(p => (p.Kind, p.FirstYear)).Select(g => g.MaxBy(p => p.ReceivedAt)!).ToList();
        var contracts = ContractModel.Derive(current);
        if (contracts.Count > 0)
        {
            await store.ReplaceAsync(partition, contracts, current.Max(p => p.ReceivedAt), cancellationToken);
        }

        return contracts;
    }

    /// <summary>The plans a workbook carries: one per plan kind and first year, with the sheets it was read from.</summary>
    public static IReadOnlyList<ContractPlan> PlansOf(string ingestionId, string fileName, DateTimeOffset receivedAt, IEnumerable<SheetSummary> sheets) =>
        sheets.Where(s => s.Kind is not null && ContractModel.ShapeOf(s.Kind) is not null && s.Years.Count > 0)
            .GroupBy(s => (Kind: s.Kind!, First: s.Years.Min()))
            .Select(g => new ContractPlan
            {
                Kind = g.Key.Kind,
                Years = g.SelectMany(s => s.Years).Distinct().Order().ToList(),
                IngestionId = ingestionId,
                FileName = fileName,
                Sheet = string.Join(", ", g.Select(s => s.Name)),
                ReceivedAt = receivedAt,
            })
            .ToList();
}
