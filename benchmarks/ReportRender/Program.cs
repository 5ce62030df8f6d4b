using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Samples;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

// Renders the 41-fiche report of the seed data with the Cdppe engine and with docxtemplater, same template (the
// built-in one without its chart and text-place tags: charts are a paid docxtemplater module, places are Word
// content controls it has no tag for) and same data, and prints the ratio.
// Usage: dotnet run -c Release --project benchmarks/ReportRender -- <work folder> [iterations] [fiches]
// With fiches > 41, the seed fiches are repeated (renumbered) up to that count: the synthetic large report.
var fichesWanted = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 41;
var folder = Path.GetFullPath(Path.Combine(args.FirstOrDefault() ?? "artifacts/report-render", fichesWanted.ToString(CultureInfo.InvariantCulture)));
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
Directory.CreateDirectory(folder);
var data = ReportTemplateData.Build(AnnualReportModel.Build(SeedReport.Scaled(SeedReport.Inputs(), fichesWanted)));
var template = SeedReport.WithoutCharts(DefaultReportTemplate.Bytes);
await File.WriteAllBytesAsync(Path.Combine(folder, "template.docx"), template);
await using (var json = File.Create(Path.Combine(folder, "data.json")))
{
    // Straight to the file: the data of 1 000 fiches as one string would weigh on this process's peak memory.
    await JsonSerializer.SerializeAsync<object>(json, data, new JsonSerializerOptions { Converters = { new NoCharts() } });
}


var compiled = DocxTemplate.Compile(template);
var rendered = compiled.Render(data);
await File.WriteAllBytesAsync(Path.Combine(folder, "cdppe.docx"), rendered);

for (var i = 0; i < 5; i++)
{
    DocxTemplate.Compile(template).Render(data);
}

var full = new List<double>();
var renderOnly = new List<double>();
for (var i = 0; i < iterations; i++)
{
    var watch = Stopwatch.StartNew();
    DocxTemplate.Compile(template).Render(data);
    full.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    compiled.Render(data);
    renderOnly.Add(watch.Elapsed.TotalMilliseconds);
}

// The engine's peak, read before the floor holds the document's parts.
var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);

// The floor: the parts of the rendered document, inflated beforehand, written into a new package at the engine's
// compression level. Nothing is templated: no engine can write this document faster.
var parts = Cdppe.Benchmarks.PackageFloor.Parts(rendered);
var floor = new List<double>();
for (var i = 0; i < 5 + iterations; i++)
{
    var watch = Stopwatch.StartNew();
    Cdppe.Benchmarks.PackageFloor.Package(parts);
    if (i >= 5)
    {
        floor.Add(watch.Elapsed.TotalMilliseconds);
    }
}

var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(AppContext.BaseDirectory, "docxtemplater", "render.js"), folder, iterations.ToString(CultureInfo.InvariantCulture)])
{
    RedirectStandardOutput = true,
    WorkingDirectory = Path.Combine(AppContext.BaseDirectory, "docxtemplater"),
})!;
var line = await node.StandardOutput.ReadToEndAsync();
await node.WaitForExitAsync();
using var theirs = JsonDocument.Parse(line);
var theirMedian = theirs.RootElement.GetProperty("median").GetDouble();
var theirMin = theirs.RootElement.GetProperty("min").GetDouble();
double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
var floorMedian = Median(floor);
Console.WriteLine($"| engine | runs | median ms | min ms | ratio to floor | ratio to docxtemplater (median) |");
Console.WriteLine($"|---|---:|---:|---:|---:|---:|");
foreach (var (name, times) in new[] { (RenderFloor.Name, floor), ("Cdppe, compile + render + write", full), ("Cdppe, render + write (compiled template cached)", renderOnly) })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {iterations} | {Median(times):F1} | {times.Min():F1} | {Median(times) / floorMedian:F2}× | {Median(times) / theirMedian:F2}× |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| docxtemplater {theirs.RootElement.GetProperty("version").GetString()}, compile + render + zip | {iterations} | {theirMedian:F1} | {theirMin:F1} | {theirMedian / floorMedian:F2}× | 1.00× |"));

// One line per engine for the benchmark harness (docs/benchmarks.md).
Console.WriteLine("MEASUREMENT:" + JsonSerializer.Serialize(new { Name = $"{RenderFloor.Name} · {fichesWanted} fiches", Iterations = iterations, MedianMs = Median(floor), MinMs = floor.Min(), AllocatedMbPerOp = -1.0, PeakWorkingSetMb = -1.0, Detail = string.Create(CultureInfo.InvariantCulture, $"{parts.Count} parts, {parts.Sum(p => p.Bytes.Length) / (1024.0 * 1024):N1} MB of XML, {rendered.Length / 1024:N0} KB packaged") }));
foreach (var (name, times) in new[] { ("Cdppe, compile + render", full), ("Cdppe, render (compiled template cached)", renderOnly) })
{
    Console.WriteLine("MEASUREMENT:" + JsonSerializer.Serialize(new { Name = $"{name} · {fichesWanted} fiches", Iterations = iterations, MedianMs = Median(times), MinMs = times.Min(), AllocatedMbPerOp = -1.0, PeakWorkingSetMb = peak, Detail = "the peak is the process's: runtime, SDK, data and every run" }));
}

Console.WriteLine("MEASUREMENT:" + JsonSerializer.Serialize(new { Name = $"docxtemplater {theirs.RootElement.GetProperty("version").GetString()} · {fichesWanted} fiches", Iterations = iterations, MedianMs = theirMedian, MinMs = theirMin, AllocatedMbPerOp = -1.0, PeakWorkingSetMb = -1.0, Detail = "node, same template and data" }));
return 0;

/// <summary>The seed facts as report inputs, without storage: the rapport financier, the plan d'action and the 41 bilans of 2022.</summary>
internal static class SeedReport
{
    public static ReportInputs Inputs()
    {
        var lines = SeedData.RapportFinancier2022.Where(l => l.Ligne == "fiche").Select((l, i) => new BudgetLine
        {
            Year = 2022,
            Engagement = l.Engagement,
            Fiche = l.Fiche,
            Mesure = l.Mesure,
            Objectif = l.Objectif,
            BudgetGlobal = l.BudgetGlobal ?? 0,
            Departement = l.Departement ?? 0,
            Fir = l.Fir ?? 0,
            Etat = l.Etat ?? 0,
            Ondam = l.Ondam ?? 0,
            Modalite = l.Modalite,
            ConsumedBefore = l.ConsommeAu31122021 ?? 0,
            ConsumedInYear = l.ConsommeEn2022 ?? 0,
            ConsumedCumulative = l.Consomme20202022 ?? 0,
            Order = i,
        }).ToList();
        var fiches = new List<FicheDefinition>();
        var indicators = new List<IndicatorDefinition>();
        using (var plan = Load("plan-action-2020-2022.json"))
        {
            foreach (var f in plan.RootElement.EnumerateArray())
            {
                var n = f.GetProperty("numero").GetInt32();
                int? objective = f.GetProperty("objectif").ValueKind == JsonValueKind.Number ? f.GetProperty("objectif").GetInt32() : null;
                fiches.Add(new FicheDefinition { Numero = n, Intitule = f.GetProperty("intitule").GetString()!, Objectif = objective, Theme = Text(f, "theme") });
                var k = 0;
                foreach (var i in f.GetProperty("indicateurs").EnumerateArray())
                {
                    var targets = new Dictionary<int, IndicatorFigure>();
                    if (i.TryGetProperty("cibles", out var cibles) && cibles.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var c in cibles.EnumerateObject())
                        {
                            if (c.Value.GetString() is { Length: > 0 } text)
                            {
                                var v = CellValueParser.ParseText(text);
                                targets[int.Parse(c.Name, CultureInfo.InvariantCulture)] = v.Status == ValueStatus.Value ? new IndicatorFigure(v.Number, v.IsPercent, null) : new IndicatorFigure(null, false, text);
                            }
                        }
                    }

                    indicators.Add(new IndicatorDefinition
                    {
                        Code = string.Create(CultureInfo.InvariantCulture, $"F{n:D2}-I{++k}"),
                        Label = i.GetProperty("libelle").GetString()!,
                        Fiche = n,
                        Objectif = objective,
                        Targets = targets,
                        Kind = targets.Values.Any(t => t.Text is not null) ? IndicatorKind.Milestone : IndicatorKind.Rate,
                    });
                }
            }
        }

        var bilans = new List<FicheBilan>();
        using (var document = Load("fiches-2022.json"))
        {
            foreach (var b in document.RootElement.EnumerateArray())
            {
                bilans.Add(new FicheBilan
                {
                    Year = 2022,
                    Numero = b.GetProperty("numero").GetInt32(),
                    Intitule = Text(b, "intitule"),
                    Referent = Text(b, "referent"),
                    Constat = Text(b, "constat"),
                    ObjectifOperationnel = Text(b, "objectif_operationnel"),
                    Description = Text(b, "description"),
                    Acteurs = Text(b, "acteurs"),
                    BilanQualitatif = Text(b, "bilan_qualitatif"),
                    APoursuivre = Text(b, "a_poursuivre"),
                    PlannedTotal = b.TryGetProperty("moyens_total_eur", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDecimal() : null,
                });
            }
        }

        return new ReportInputs
        {
            Departement = Departement.TryParse("77", out var d) ? d.Value : throw new InvalidOperationException(),
            Year = 2022,
            GeneratedOn = new DateOnly(2023, 5, 15),
            BudgetLines = lines,
            Fiches = fiches,
            Bilans = bilans,
            Indicators = indicators,
        };
    }

    /// <summary>The seed inputs with their fiches repeated and renumbered up to <paramref name="fiches"/>.</summary>
    public static ReportInputs Scaled(ReportInputs seed, int fiches)
    {
        if (fiches <= seed.Fiches.Count)
        {
            return seed;
        }

        var copies = (fiches + seed.Fiches.Count - 1) / seed.Fiches.Count;
        int Renumber(int n, int copy) => n + (copy * 1_000);
        var range = Enumerable.Range(0, copies).ToList();
        return seed with
        {
            BudgetLines = [.. range.SelectMany(c => seed.BudgetLines.Select(l => l with { Fiche = l.Fiche is { } f ? Renumber(f, c) : null, Order = l.Order + (c * 1_000) }))],
            Fiches = [.. range.SelectMany(c => seed.Fiches.Select(f => f with { Numero = Renumber(f.Numero, c) })).Take(fiches)],
            Bilans = [.. range.SelectMany(c => seed.Bilans.Select(b => b with { Numero = Renumber(b.Numero, c) }))],
            Indicators = [.. range.SelectMany(c => seed.Indicators.Select(i => i with { Code = $"C{c}-{i.Code}", Fiche = i.Fiche is { } f ? Renumber(f, c) : null }))],
        };
    }

    public static byte[] WithoutCharts(byte[] template)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            foreach (var p in document.MainDocumentPart!.Document.Descendants<Paragraph>().Where(p => p.InnerText.Contains("{{%", StringComparison.Ordinal)).ToList())
            {
                p.Remove();
            }

            // The places for people's text become Word content controls, which docxtemplater has no tag for: their
            // tags are emptied (the paragraph stays, so a table cell keeps one), for both engines alike.
            foreach (var p in document.MainDocumentPart.Document.Descendants<Paragraph>().Where(p => p.InnerText.Contains("{{texte:", StringComparison.Ordinal)).ToList())
            {
                foreach (var run in p.Elements<Run>().ToList())
                {
                    run.Remove();
                }
            }

            document.MainDocumentPart.Document.Save();
        }

        return stream.ToArray();
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonDocument Load(string name)
    {
        using var stream = typeof(SeedData).Assembly.GetManifestResourceStream("seed/" + name) ?? throw new InvalidOperationException(name);
        return JsonDocument.Parse(stream);
    }
}

/// <summary>The report's floor: its parts written into a package, nothing templated (<see cref="Cdppe.Benchmarks.PackageFloor"/>).</summary>
internal static class RenderFloor
{
    public const string Name = "Floor: write the rendered parts into a package only";
}

/// <summary>Charts are left out of the comparison: written as null.</summary>
internal sealed class NoCharts : JsonConverter<ChartData>
{
    public override ChartData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => null;

    public override void Write(Utf8JsonWriter writer, ChartData value, JsonSerializerOptions options) => writer.WriteNullValue();
}
