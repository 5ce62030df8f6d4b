using System.Globalization;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;

namespace Cdppe.Benchmarks;

/// <summary>The inputs of the measurements, built by the project (seed-shaped samples and synthetic volumes).</summary>
public static class Workloads
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "cdppe-benchmarks");

    /// <summary>Rows of the largest generated file, read with <see cref="LargeFileLimits"/>.</summary>
    public const string LargestRows = "1000000";

    /// <summary>The reader's limits with room for <see cref="LargestRows"/> rows (the defaults refuse a sheet of more than 500 000 and a workbook of more than 5 000 000 cells).</summary>
    public static SpreadsheetLimits LargeFileLimits { get; } = SpreadsheetLimits.Default with
    {
        MaxRowsPerSheet = 2_000_000,
        MaxCells = 20_000_000,
        MaxCellCharacters = 200_000_000,
        MaxUncompressedBytes = 1024L * 1024 * 1024,
        MaxCharactersInPart = 1024L * 1024 * 1024,
        Xml = SpreadsheetLimits.Default.Xml with { MaxPartBytes = 1024L * 1024 * 1024, MaxElements = 50_000_000 },
    };

    /// <summary>Writes the workbook files once and returns their paths by name.</summary>
    public static IReadOnlyDictionary<string, string> WorkbookFiles()
    {
        Directory.CreateDirectory(Folder);
        var files = new Dictionary<string, Func<byte[]>>
        {
            ["rapport-financier-41-fiches.xlsx"] = () => SampleWorkbooks.RapportFinancier2022(),
            ["plan-action-40-fiches.xlsx"] = () => SampleWorkbooks.PlanAction(),
            ["suivi-mensuel-10000-lignes.xlsx"] = () => SuiviMensuel(10_000),
            ["suivi-mensuel-100000-lignes.xlsx"] = () => SuiviMensuel(100_000),
            [$"suivi-mensuel-{LargestRows}-lignes.xlsx"] = () => SuiviMensuel(1_000_000),
        };
        var paths = new Dictionary<string, string>();
        foreach (var (name, build) in files)
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
            {
                File.WriteAllBytes(path, build());
            }

            paths[name] = path;
        }

        return paths;
    }

    /// <summary>
    /// The 100 000-row suivi-mensuel saved by LibreOffice Calc as .ods, and as .xls (which holds 65 536 rows at most:
    /// Calc keeps the first ones), when <c>soffice</c> is installed; none otherwise.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OtherFormatFiles()
    {
        var xlsx = WorkbookFiles()["suivi-mensuel-100000-lignes.xlsx"];
        var paths = new Dictionary<string, string>();
        foreach (var (format, name) in new[] { ("ods", "suivi-mensuel-100000-lignes.ods"), ("xls", "suivi-mensuel-65536-lignes.xls") })
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
            {
                var converted = Path.ChangeExtension(xlsx, format);
                var profile = "-env:UserInstallation=file://" + Path.Combine(Folder, "soffice-profile");
                try
                {
                    using var soffice = System.Diagnostics.Process.Start("soffice", [profile, "--headless", "--convert-to", format, "--outdir", Folder, xlsx]);
                    soffice.WaitForExit();
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    Console.Error.WriteLine($"soffice not found: {name} not measured (apt-get install -y libreoffice-calc-nogui)");
                    continue;
                }

                if (File.Exists(converted))
                {
                    File.Move(converted, path);
                }
            }

            if (File.Exists(path))
            {
                paths[name] = path;
            }
        }

        return paths;
    }

    /// <summary>A synthetic suivi-mensuel: 300 indicators × months, numbers with formats, text reliability flags.</summary>
    public static byte[] SuiviMensuel(int rows)
    {
        IEnumerable<IReadOnlyList<object?>> Rows()
        {
            yield return ["Code", "Libellé de l'indicateur", "Période", "Valeur", "Source", "Fiable", "Commentaire"];
            for (var i = 0; i < rows; i++)
            {
                var indicator = i % 300;
                var month = new YearMonth(2000 + (i / 300 / 12 % 100), (i / 300 % 12) + 1);
                yield return
                [
                    string.Create(CultureInfo.InvariantCulture, $"O{indicator % 26 + 1:00}-INDICATEUR-{indicator:000}"),
                    string.Create(CultureInfo.InvariantCulture, $"Nombre d'actions de l'indicateur {indicator}"),
                    month.ToString(),
                    new XlsxNumber(i % 977, "#,##0"),
                    "RA DPMIPE",
                    i % 7 == 0 ? "non" : "oui",
                    null,
                ];
            }
        }

        return XlsxWriter.Write([new XlsxSheetSpec("Suivi mensuel", Rows())]);
    }

    /// <summary>
    /// The national case for the consolidation: départements × indicators with targets × months of values
    /// (counts year-to-date; every 10th indicator a derived rate).
    /// </summary>
    public sealed record NationalCase(IReadOnlyList<(Departement Departement, Dictionary<string, IndicatorDefinition> Definitions, Dictionary<YearMonth, List<RawValue>> Values)> Departements, IReadOnlyList<YearMonth> Months)
    {
        public int Snapshots => Departements.Count * Months.Count * Departements[0].Definitions.Count;
    }

    public static NationalCase National(int departements = 101, int indicators = 300, int months = 36)
    {
        var codes = Enumerable.Range(1, 95).Where(n => n != 20).Select(n => n.ToString("D2", CultureInfo.InvariantCulture))
            .Concat(["2A", "2B", "971", "972", "973", "974", "976"]).Take(departements).ToList();
        var monthList = YearMonth.Range(new YearMonth(2020, 1), new YearMonth(2020, 1).AddMonths(months - 1)).ToList();
        var received = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var result = new List<(Departement, Dictionary<string, IndicatorDefinition>, Dictionary<YearMonth, List<RawValue>>)>();
        foreach (var code in codes)
        {
            var dep = Departement.TryParse(code, out var parsed) ? parsed.Value : throw new InvalidOperationException($"Bad code {code}.");
            var definitions = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
            for (var i = 0; i < indicators; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"O{i % 26 + 1:00}-IND-{i:000}");
                var isRate = i % 10 == 9;
                definitions[id] = new IndicatorDefinition
                {
                    Code = id,
                    Label = id,
                    Kind = isRate ? IndicatorKind.Rate : IndicatorKind.Count,
                    NumeratorCode = isRate ? string.Create(CultureInfo.InvariantCulture, $"O{(i - 1) % 26 + 1:00}-IND-{i - 1:000}") : null,
                    DenominatorCode = isRate ? string.Create(CultureInfo.InvariantCulture, $"O{(i - 2) % 26 + 1:00}-IND-{i - 2:000}") : null,
                    Targets = new Dictionary<int, IndicatorFigure> { [2020] = new(isRate ? 0.5m : 1_200m, isRate, null), [2021] = new(isRate ? 0.55m : 1_300m, isRate, null), [2022] = new(isRate ? 0.6m : 1_400m, isRate, null) },
                };
            }

            var values = new Dictionary<YearMonth, List<RawValue>>();
            foreach (var month in monthList)
            {
                values[month] = definitions.Values.Where(d => d.Kind == IndicatorKind.Count)
                    .Select(d => new RawValue(d.Code, d.Label, month, 100m * month.Month + (d.Code.Length % 7), false, null, true, "bench", received))
                    .ToList();
            }

            result.Add((dep, definitions, values));
        }

        return new NationalCase(result, monthList);
    }

    /// <summary>Computes every snapshot of the national case in memory, départements in parallel.</summary>
    public static long ConsolidateInMemory(NationalCase national)
    {
        long count = 0;
        Parallel.ForEach(national.Departements, d =>
        {
            long local = 0;
            foreach (var month in national.Months)
            {
                local += SnapshotCalculator.Compute(month, d.Definitions, d.Values[month], []).Count;
            }

            Interlocked.Add(ref count, local);
        });
        return count;
    }
}
