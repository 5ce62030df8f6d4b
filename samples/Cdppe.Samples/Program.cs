using Cdppe.Samples;

// Writes the sample workbooks next to this project (samples/), for users to try a drop.
var target = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..");
Directory.CreateDirectory(target);
var files = new Dictionary<string, byte[]>
{
    ["rapport-financier-2022.xlsx"] = SampleWorkbooks.RapportFinancier2022(),
    ["suivi-mensuel-2022.xlsx"] = SampleWorkbooks.SuiviMensuel2022(),
};
foreach (var (name, bytes) in files)
{
    var path = Path.GetFullPath(Path.Combine(target, name));
    File.WriteAllBytes(path, bytes);
    Console.WriteLine($"{path} ({bytes.Length} bytes)");
}
