using System.Globalization;
using System.Text.Json;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table IndicatorSources: what each workbook kind (plan d'action, tableau de bord) states about the indicators, versioned
/// by ingestion (RowKey <c>{kind}|{ingestionId}|{code}</c>). The département's indicators are the merge of the current
/// statements (<see cref="IndicatorMerger"/>), made when they are read, so that they always match the current versions.
/// </summary>
public sealed class IndicatorStore(CdppeStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IndicatorEntity ToEntity(string partition, string ingestionId, string kind, IndicatorDefinition d) => new()
    {
        PartitionKey = partition,
        RowKey = DatasetKeys.RowPrefix(DatasetKeys.Indicators(kind), ingestionId) + d.Code,
        Code = d.Code,
        Label = d.Label,
        Objectif = d.Objectif,
        Fiche = d.Fiche,
        Kind = d.Kind.ToString(),
        Fundamental = d.Fundamental,
        BaselineJson = d.Baseline is null ? null : JsonSerializer.Serialize(d.Baseline, Json),
        BaselineDate = d.BaselineDate,
        Source = d.Source,
        TargetsJson = JsonSerializer.Serialize(d.Targets, Json),
        AchievedJson = JsonSerializer.Serialize(d.Achieved, Json),
        NumeratorCode = d.NumeratorCode,
        DenominatorCode = d.DenominatorCode,
        MilestonesJson = JsonSerializer.Serialize(d.Milestones, Json),
        IngestionId = ingestionId,
        Fiches = d.Fiches.Count == 0 ? null : string.Join(',', d.Fiches),
        SourceCell = d.SourceCell,
    };

    /// <summary>What the current workbook of <paramref name="kind"/> states about the indicators.</summary>
    public async Task<IReadOnlyList<SourcedIndicator>> SourcesAsync(DatasetHead head, string kind, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.Indicators(kind)) is { } current
            ? (await storage.Table(TableNames.IndicatorSources).PrefixAsync<IndicatorEntity>(head.Partition, DatasetKeys.RowPrefix(DatasetKeys.Indicators(kind), current), cancellationToken))
                .Select(e => new SourcedIndicator(kind, FromEntity(e)))
                .ToList()
            : [];

    /// <summary>The département's indicators by code: the merge of every kind's current statement.</summary>
    public async Task<IReadOnlyDictionary<string, IndicatorDefinition>> CurrentAsync(DatasetHead head, CancellationToken cancellationToken = default)
    {
        var sources = await Task.WhenAll(IndicatorMerger.Authority.Select(kind => SourcesAsync(head, kind, cancellationToken)));
        return sources.SelectMany(s => s).GroupBy(s => s.Definition.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => IndicatorMerger.Merge(g), StringComparer.Ordinal);
    }

    private static IndicatorDefinition FromEntity(IndicatorEntity e) => new()
    {
        Code = e.Code,
        Label = e.Label,
        Objectif = e.Objectif,
        Fiche = e.Fiche,
        Kind = Enum.TryParse<IndicatorKind>(e.Kind, out var kind) ? kind : IndicatorKind.Count,
        Fundamental = e.Fundamental,
        Baseline = e.BaselineJson is null ? null : JsonSerializer.Deserialize<IndicatorFigure>(e.BaselineJson, Json),
        BaselineDate = e.BaselineDate,
        Source = e.Source,
        Targets = JsonSerializer.Deserialize<Dictionary<int, IndicatorFigure>>(e.TargetsJson, Json) ?? [],
        Achieved = JsonSerializer.Deserialize<Dictionary<int, IndicatorFigure>>(e.AchievedJson, Json) ?? [],
        NumeratorCode = e.NumeratorCode,
        DenominatorCode = e.DenominatorCode,
        Milestones = JsonSerializer.Deserialize<List<string>>(e.MilestonesJson, Json) ?? [],
        Fiches = string.IsNullOrEmpty(e.Fiches) ? (e.Fiche is { } f ? [f] : []) : e.Fiches.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList(),
        SourceCell = e.SourceCell,
    };
}
