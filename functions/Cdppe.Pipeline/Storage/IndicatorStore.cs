using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table IndicatorSources: what each workbook kind (plan d'action, tableau de bord) states about the indicators, versioned
/// by ingestion (RowKey <c>{kind}|{ingestionId}|{code}</c>). The département's indicators are the merge of the current
/// statements (<see cref="IndicatorMerger"/>), made when they are read, so that they always match the current versions.
/// </summary>
public sealed class IndicatorStore(CdppeStorage storage)
{
    private static readonly RowCodec<IndicatorDefinition> Codec = new RowCodec<IndicatorDefinition>().Json(nameof(IndicatorDefinition.Milestones));

    public static TableEntity ToEntity(string partition, string ingestionId, string kind, IndicatorDefinition d) =>
        Codec.Write(partition, DatasetKeys.RowPrefix(DatasetKeys.Indicators(kind), ingestionId) + d.Code, d, [DatasetKeys.WrittenBy(ingestionId)]);

    /// <summary>What the current workbook of <paramref name="kind"/> states about the indicators.</summary>
    public async Task<IReadOnlyList<SourcedIndicator>> SourcesAsync(DatasetHead head, string kind, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.Indicators(kind)) is { } current
            ? (await storage.Table(TableNames.IndicatorSources).PrefixAsync<TableEntity>(head.Partition, DatasetKeys.RowPrefix(DatasetKeys.Indicators(kind), current), cancellationToken))
                .Select(e => new SourcedIndicator(kind, Read(e)))
                .ToList()
            : [];

    /// <summary>The département's indicators by code: the merge of every kind's current statement.</summary>
    public async Task<IReadOnlyDictionary<string, IndicatorDefinition>> CurrentAsync(DatasetHead head, CancellationToken cancellationToken = default)
    {
        var sources = await Task.WhenAll(IndicatorMerger.Authority.Select(kind => SourcesAsync(head, kind, cancellationToken)));
        return sources.SelectMany(s => s).GroupBy(s => s.Definition.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => IndicatorMerger.Merge(g), StringComparer.Ordinal);
    }

    /// <summary>An indicator whose row names no fiches list (written before there was one) follows its one fiche.</summary>
    private static IndicatorDefinition Read(TableEntity row)
    {
        var indicator = Codec.Read(row);
        return indicator is { Fiches.Count: 0, Fiche: { } fiche } ? indicator with { Fiches = [fiche] } : indicator;
    }
}
