using Cdppe.Samples;

// Writes the sample workbooks next to this project (samples/), for users to try a drop.
var target = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..");
Directory.CreateDirectory(target);
var files = new Dictionary<string, byte[]>
{
    ["rapport-financier-2022.xlsx"] = SampleWorkbooks.RapportFinancier2022(),
    ["suivi-mensuel-2022.xlsx"] = SampleWorkbooks.SuiviMensuel2022(),
    ["plan-action-2020-2022.xlsx"] = SampleWorkbooks.PlanAction(),
    ["synthese-objectifs-2020-2022.xlsx"] = SampleWorkbooks.SyntheseObjectifs(),
    ["tableau-de-bord-2020.xlsx"] = SampleWorkbooks.TableauDeBord(),
    ["bilans-fiches-2022.xlsx"] = SampleWorkbooks.BilansFiches2022(),
    ["annexe-2-1-2023-2024.xlsx"] = SampleWorkbooks.Annexe21(),
    ["plan-complet-2020-2022.xlsx"] = SampleWorkbooks.PlanComplet(),
};
foreach (var (name, bytes) in files)
{
    var path = Path.GetFullPath(Path.Combine(target, name));
    File.WriteAllBytes(path, bytes);
    Console.WriteLine($"{path} ({bytes.Length} bytes)");
}
