using Cdppe.Samples;

// Writes every sample file next to this project (samples/, bad ones in samples/bad/), for users to try a drop and
// for the corpus tests.
var target = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..");
foreach (var (name, build) in SampleCorpus.Files)
{
    var path = Path.GetFullPath(Path.Combine(target, name));
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var bytes = build();
    File.WriteAllBytes(path, bytes);
    Console.WriteLine($"{path} ({bytes.Length} bytes)");
}
