using BenchmarkDotNet.Running;
using Cdppe.Benchmarks;

// harness [--quick] [--root DIR] : every side-by-side measurement, rewrites docs/benchmarks.md
// harness --only SECTION ...      : the rows of one section (reading, consolidation, report, end-to-end, portal, exports, cold-start), page written
//                                  beside the generated workloads, docs/benchmarks.md left alone
// measure <scenario> ...         : one measurement in this process (used by the harness)
// files                          : writes the generated workbooks (once; .ods and .xls with LibreOffice) and prints their paths
// bdn [BenchmarkDotNet args]      : the BenchmarkDotNet suites
// ExcelDataReader needs the legacy code pages (it resolves Windows-1252 even for .xlsx).
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
switch (args.FirstOrDefault())
{
    case "harness":
        var root = args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() ?? FindRoot();
        return await Harness.RunAsync(root, args.Contains("--quick"), args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault());
    case "measure":
        foreach (var result in await Scenarios.RunAsync(args[1], args[2..]))
        {
            Measurement.Report(result);
        }

        return 0;
    case "files":
        foreach (var path in Workloads.WorkbookFiles().Values.Concat(Workloads.OtherFormatFiles().Values))
        {
            Console.WriteLine(path);
        }

        return 0;
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(ReadingBenchmarks).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.WriteLine("Usage: harness [--quick] [--only reading|consolidation|report|end-to-end|portal|exports|cold-start] | measure <scenario> ... | files | bdn [--filter *]");
        return 1;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Cdppe.Functions.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (Cdppe.Functions.sln not found).");
}
