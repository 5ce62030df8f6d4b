using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table Contracts: one row per contract of a département (RowKey <c>{first year}|{contrat|avenant}</c>) with its plans in force.</summary>
public sealed class ContractEntity : EntityBase
{
    public string Shape { get; set; } = string.Empty;

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    /// <summary>"Avenant 2023-2024", for a look at the table.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>JSON array of the plans in force: kind, years, ingestion id, file, sheet, received at.</summary>
    public string PlansJson { get; set; } = "[]";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The contracts of a département as derived from its plans (<see cref="ContractModel"/>): written whole after an
/// ingestion that brings a plan (the rows no longer derived are deleted), read by the report, the consolidation
/// planner and <c>GET /api/contrats</c>.
/// </summary>
public sealed class ContractStore(CdppeStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => storage.Table(TableNames.Contracts);

    public static string Key(Contract contract) => string.Create(CultureInfo.InvariantCulture, $"{contract.FirstYear}|{contract.Shape.ToString().ToLowerInvariant()}");

    public async Task<IReadOnlyList<Contract>> ListAsync(string partition, CancellationToken cancellationToken = default)
    {
        var contracts = new List<Contract>();
        await foreach (var e in Table.QueryAsync<ContractEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            contracts.Add(new Contract
            {
                Shape = Enum.Parse<ContractShape>(e.Shape, ignoreCase: true),
                FirstYear = e.FirstYear,
                LastYear = e.LastYear,
                Plans = JsonSerializer.Deserialize<List<ContractPlan>>(e.PlansJson, Json) ?? [],
            });
        }

        return contracts.OrderBy(c => c.FirstYear).ThenBy(c => c.Shape).ToList();
    }

    /// <summary>Writes the département's contracts, then deletes the rows of contracts that no longer exist (a period that moved).</summary>
    public async Task ReplaceAsync(string partition, IReadOnlyList<Contract> contracts, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var rows = contracts.Select(c => new ContractEntity
        {
            PartitionKey = partition,
            RowKey = Key(c),
            Shape = c.Shape.ToString().ToLowerInvariant(),
            FirstYear = c.FirstYear,
            LastYear = c.LastYear,
            Name = c.Name,
            PlansJson = JsonSerializer.Serialize(c.Plans, Json),
            UpdatedAt = at,
        }).ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableTransactionAction>();
        await foreach (var e in Table.QueryAsync<ContractEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!keep.Contains(e.RowKey))
            {
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
            }
        }

        await TableBatches.UpsertAsync(Table, rows, cancellationToken);
        await TableBatches.SubmitAsync(Table, stale, cancellationToken);
    }
}
