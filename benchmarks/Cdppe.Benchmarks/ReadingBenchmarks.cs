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
    public string ExcelDataReader() => Scenarios.ExcelDataReaderRows(workbook);

    [Benchmark]
    public string CdppeRows() => Scenarios.OursRows(workbook);

    [Benchmark]
    public string CdppeParse() => Scenarios.OursParse(workbook);
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
