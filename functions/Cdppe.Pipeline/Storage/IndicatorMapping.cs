using System.Text.Json;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Maps indicator definitions to their table rows (partition = département, row key = code).</summary>
public static class IndicatorMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IndicatorEntity ToEntity(string partition, string ingestionId, IndicatorDefinition d) => new()
    {
        PartitionKey = partition,
        RowKey = d.Code,
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

    public static IndicatorDefinition FromEntity(IndicatorEntity e) => new()
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
        Fiches = string.IsNullOrEmpty(e.Fiches) ? (e.Fiche is { } f ? [f] : []) : e.Fiches.Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        SourceCell = e.SourceCell,
    };
}
