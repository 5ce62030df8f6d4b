using BenchmarkDotNet.Attributes;

namespace Cdppe.Benchmarks;

/// <summary>BenchmarkDotNet view of the reading comparison (ClosedXML runs in its own process in the harness).</summary>
[MemoryDiagnoser]
public class ReadingBenchmarks
{
    private byte[] workbook = [];

    [Params("rapport-financier-41-fiches.xlsx", "suivi-mensuel-10000-lignes.xlsx")]
    public string File { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => workbook = System.IO.File.ReadAllBytes(Workloads.WorkbookFiles()[File]);

    [Benchmark(Baseline = true)]
    public string ExcelDataReader() => Scenarios.ExcelDataReaderRows(new MemoryStream(workbook));

    [Benchmark]
    public string CdppeRows() => Scenarios.OursRows(new MemoryStream(workbook));

    [Benchmark]
    public string CdppeParse() => Scenarios.OursParse(new MemoryStream(workbook));
}

/// <summary>The 100 000-row suivi-mensuel saved by LibreOffice Calc as .ods and .xls (see <see cref="Workloads.OtherFormatFiles"/>).</summary>
[MemoryDiagnoser]
public class OtherFormatsReadingBenchmarks
{
    private byte[] workbook = [];

    [Params("suivi-mensuel-100000-lignes.ods", "suivi-mensuel-65536-lignes.xls")]
    public string File { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => workbook = System.IO.File.ReadAllBytes(Workloads.OtherFormatFiles()[File]);

    [Benchmark]
    public string CdppeRows() => Scenarios.OursRows(new MemoryStream(workbook));

    [Benchmark]
    public string CdppeParse() => Scenarios.OursParse(new MemoryStream(workbook));
}

/// <summary>In-memory consolidation of one département (300 indicators × 36 months).</summary>
[MemoryDiagnoser]
public class ConsolidationBenchmarks
{
    private Workloads.NationalCase national = null!;

    [GlobalSetup]
    public void Setup() => national = Workloads.National(departements: 1);

    [Benchmark]
    public long OneDepartement() => Workloads.ConsolidateInMemory(national);
}
