using System.Globalization;
using System.Text.Json;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;

namespace Cdppe.Tests.Reporting;

/// <summary>
/// Writes the Fiches and Indicators rows of the seed documents (plan d'action 2020-2022 and the 41 bilans of the
/// 2022 report), as the plan-action and bilans-fiches ingestion will, so that the report can be tested end to end.
/// </summary>
internal static class ReportSeed
{
    public static async Task StoreFichesAndIndicatorsAsync(CdppeStorage storage, Departement departement)
    {
        var partition = departement.Code;
        using var plan = Load("plan-action-2020-2022.json");
        using var bilans = Load("fiches-2022.json");
        var fiches = new List<FicheEntity>();
        var indicators = new List<IndicatorEntity>();
        foreach (var f in plan.RootElement.EnumerateArray())
        {
            var n = f.GetProperty("numero").GetInt32();
            fiches.Add(new FicheEntity
            {
                PartitionKey = partition,
                RowKey = string.Create(CultureInfo.InvariantCulture, $"F{n:D3}"),
                Numero = n,
                Intitule = f.GetProperty("intitule").GetString()!,
                Objectif = f.GetProperty("objectif").ValueKind == JsonValueKind.Number ? f.GetProperty("objectif").GetInt32() : null,
                Theme = Text(f, "theme"),
                Nature = Text(f, "nature"),
                PlannedTotal = f.GetProperty("financement").TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number ? total.GetDouble() : null,
                IngestionId = "seed",
            });
            var k = 0;
            foreach (var i in f.GetProperty("indicateurs").EnumerateArray())
            {
                k++;
                var targets = new Dictionary<int, IndicatorFigure>();
                if (i.TryGetProperty("cibles", out var cibles) && cibles.ValueKind == JsonValueKind.Object)
                {
                    foreach (var c in cibles.EnumerateObject())
                    {
                        if (c.Value.GetString() is { Length: > 0 } text)
                        {
                            var parsed = CellValueParser.ParseText(text);
                            targets[int.Parse(c.Name, CultureInfo.InvariantCulture)] = parsed.Status == ValueStatus.Value ? new IndicatorFigure(parsed.Number, parsed.IsPercent, null) : new IndicatorFigure(null, false, text);
                        }
                    }
                }

                var definition = new IndicatorDefinition
                {
                    Code = string.Create(CultureInfo.InvariantCulture, $"F{n:D2}-I{k}"),
                    Label = i.GetProperty("libelle").GetString()!,
                    Fiche = n,
                    Objectif = f.GetProperty("objectif").ValueKind == JsonValueKind.Number ? f.GetProperty("objectif").GetInt32() : null,
                    Fundamental = i.TryGetProperty("fondamental_marque", out var fm) && fm.ValueKind == JsonValueKind.True,
                    Kind = targets.Values.Any(t => t.Text is not null) ? IndicatorKind.Milestone : targets.Values.Any(t => t.IsPercent) ? IndicatorKind.Rate : IndicatorKind.Count,
                    Targets = targets,
                };
                indicators.Add(IndicatorMapping.ToEntity(partition, "seed", definition));
            }
        }

        foreach (var b in bilans.RootElement.EnumerateArray())
        {
            var n = b.GetProperty("numero").GetInt32();
            fiches.Add(new FicheEntity
            {
                PartitionKey = partition,
                RowKey = string.Create(CultureInfo.InvariantCulture, $"2022|F{n:D3}"),
                Numero = n,
                Year = 2022,
                Intitule = b.GetProperty("intitule").GetString()!,
                Objectif = b.GetProperty("objectif").ValueKind == JsonValueKind.Number ? b.GetProperty("objectif").GetInt32() : null,
                Referent = Text(b, "referent"),
                Constat = Text(b, "constat"),
                ObjectifOperationnel = Text(b, "objectif_operationnel"),
                Description = Text(b, "description"),
                Acteurs = Text(b, "acteurs"),
                BilanQualitatif = Text(b, "bilan_qualitatif"),
                APoursuivre = Text(b, "a_poursuivre"),
                PlannedTotal = b.TryGetProperty("moyens_total_eur", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null,
                IngestionId = "seed",
            });
        }

        await TableBatches.UpsertAsync(storage.Table(TableNames.Fiches), fiches, CancellationToken.None);
        await TableBatches.UpsertAsync(storage.Table(TableNames.Indicators), indicators, CancellationToken.None);
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonDocument Load(string name)
    {
        using var stream = typeof(SeedData).Assembly.GetManifestResourceStream("seed/" + name) ?? throw new InvalidOperationException(name);
        return JsonDocument.Parse(stream);
    }
}
