using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using static Cdppe.Tests.Support.HostileWorkbooks;

namespace Cdppe.Tests.Reliability;

/// <summary>One bad or hostile upload: what is dropped, and what the user must be told.</summary>
public sealed record HostileCase(string Name, string BlobName, Func<byte[]> Bytes, string Status, string? Message);

/// <summary>
/// Drops every hostile case into a running standalone host (its own Azurite), once, then checks each: the French
/// message, the raw bytes archived, nothing stored for a rejected file, and the host still serving.
/// </summary>
public sealed class HostileInputsFixture : IAsyncLifetime
{
    public static readonly HostileCase[] Cases =
    [
        new("pas-un-zip", "77/pdf-renomme.xlsx", () => "%PDF-1.7 faux classeur"u8.ToArray(), "rejected", "ce n'est pas une archive zip valide"),
        new("zip-tronque", "77/tronque.xlsx", () => SampleWorkbooks.RapportFinancier2022()[..3000], "rejected", "n'est pas un classeur Excel"),
        new("bombe-ratio", "77/bombe.xlsx", () => ZipBomb(200), "rejected", "bombe de décompression"),
        new("bombe-entrees", "77/entrees.xlsx", () => ManyEntries(2_500), "rejected", "éléments compressés"),
        new("xlsm-vba", "77/macros.xlsm", WithVbaProject, "accepted", "macros (VBA) : elles ne sont jamais exécutées"),
        new("xxe-dtd", "77/xxe.xlsx", () => WithEntry(SampleWorkbooks.RapportFinancier2022(), "xl/worksheets/sheet1.xml", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>"""), "rejected", "DTD"),
        new("un-million-de-lignes", "77/million.xlsx", () => ManyRows(1_000_000), "rejected", "dépasse la limite de 100\u202F000 lignes"),
        new("16384-colonnes", "77/large.xlsx", WideSheet, "rejected", "au-delà de la colonne"),
        new("formule-ref", "77/ref.xlsx", () => Rf(RfLine(1.0, new XlsxFormula("A1+#REF!", "#REF!"))), "rejected", "erreur de formule"),
        new("formule-div0", "77/div0.xlsx", () => Suivi(["C1", "Indicateur", "2022-01", new XlsxFormula("1/0", "#DIV/0!"), null, "oui", null]), "rejected", "erreur de formule"),
        new("dates-1904", "77/dates-1904.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("Suivi", [SuiviHeader, ["C1", "Indicateur", new XlsxNumber(43_280, "mm/yyyy"), 5.0, null, "oui", null]])], date1904: true), "accepted", null),
        new("classeur-sans-feuille", "77/sans-feuille.xlsx", NoSheets, "rejected", "Aucune feuille du classeur n'a été reconnue"),
        new("feuille-vide", "77/feuille-vide.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("Feuil1", [])]), "rejected", "Aucune feuille du classeur n'a été reconnue"),
        new("feuille-masquee", "77/masquee.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("Cachée", [RfHeader, RfLine(2.0)], Visibility: Pipeline.Ingestion.Spreadsheets.SheetVisibility.Hidden), new XlsxSheetSpec("Suivi", [SuiviHeader, ["C2", "Indicateur", "2022-02", 3.0, null, "oui", null]])]), "accepted", "La feuille est masquée"),
        new("feuille-tres-masquee", "77/tres-masquee.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("Secrète", [RfHeader, RfLine(3.0)], Visibility: Pipeline.Ingestion.Spreadsheets.SheetVisibility.VeryHidden)]), "rejected", "Aucune feuille du classeur n'a été reconnue"),
        new("fiche-en-double", "77/doublon.xlsx", () => Rf(RfLine(4.0), RfLine(4.0)), "rejected", "apparaît deux fois"),
        new("montant-negatif", "77/negatif.xlsx", () => Rf(RfLine(5.0, "-100 €")), "rejected", "est négatif"),
        new("montant-enorme", "77/enorme.xlsx", () => Rf(RfLine(6.0, 2e12, 2e12)), "rejected", "dépasse 1 000 milliards"),
        new("montant-texte", "77/texte.xlsx", () => Rf(RfLine(7.0, "beaucoup")), "rejected", "n'est pas un nombre"),
        new("montant-booleen", "77/booleen.xlsx", () => Rf(RfLine(8.0, true)), "rejected", "n'est pas un nombre"),
        new("fiche-decimale", "77/fiche-decimale.xlsx", () => Rf(RfLine(1.5)), "rejected", "doit être un entier"),
        new("sosies-unicode", "77/sosies.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("RF", [["Mesure", "Objectif", "Fich\u0435 action N°", "Budget gl\u043Ebal", "D\u00E9partement", "FIR", "\u0415tat", "ONDAM", "Modalités", "Budget consommé au 31/12/2021", "Budget consomm\u00E9 en 2022", "Budget consommé 2020-2022"], RfLine(9.0)])]), "accepted", null),
        new("blob-vide", "77/vide.xlsx", () => [], "skipped", null),
        // The storage service resolves "a/.." before the file exists: it lands as 77/b.xlsx, inside its département.
        new("nom-avec-point-point", "77/a/../b.xlsx", () => Rf(RfLine(10.0)), "accepted", null),
        new("nom-pourcent-2f", "77%2Fencode.xlsx", () => Rf(RfLine(11.0)), "rejected", "dans le dossier de son département"),
        new("nom-espaces-accents", "77/Rapport financier été 2022 (v2).xlsx", () => Rf(RfLine(12.0)), "accepted", null),
        new("nom-1024-caracteres", "77/" + new string('a', 1_024 - 8) + ".xlsx", () => Rf(RfLine(13.0)), "accepted", null),
        new("departement-20", "20/corse.xlsx", () => Rf(RfLine(14.0)), "rejected", "« 20 » n'est pas un code de département INSEE valide"),
        new("departement-99", "99/inconnu.xlsx", () => Rf(RfLine(15.0)), "rejected", "« 99 » n'est pas un code de département INSEE valide"),
        new("departement-977", "977/saint-barthelemy.xlsx", () => Rf(RfLine(16.0)), "rejected", "n'est pas un code de département INSEE valide"),
        new("departement-2a-minuscule", "2a/corse-du-sud.xlsx", () => Rf(RfLine(17.0)), "accepted", null),
        new("extension-csv", "77/export.csv", () => "Mesure;Objectif"u8.ToArray(), "rejected", "Seuls les classeurs Excel"),
        new("periode-illisible", "77/periode.xlsx", () => Suivi(["C3", "Indicateur", "juin", 5.0, null, "oui", null]), "rejected", "La période n'est pas un mois reconnu"),
        new("valeur-negative", "77/valeur-negative.xlsx", () => Suivi(["C4", "Indicateur", "2022-03", -5.0, null, "oui", null]), "rejected", "ne peut pas être négative"),
        new("valeur-en-double", "77/valeur-double.xlsx", () => Suivi(["C5", "Indicateur", "2022-03", 5.0, null, "oui", null], ["C5", "Indicateur", "2022-03", 6.0, null, "oui", null]), "rejected", "a déjà une valeur pour 2022-03"),
        new("annee-absente", "77/sans-annee.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("RF", [["Fiche action N°", "Budget global", "Budget consommé en cours"], [18.0, "10 €", "5 €"]])]), "rejected", "Impossible de déterminer l'année"),
        new("formules-sommes", "77/formules.xlsx", () => Rf(RfLine(19.0, new XlsxFormula("E2+F2", 100.0), new XlsxFormula("50+50", 100.0))), "accepted", null),
        new("espaces-insecables", "77/insecables.xlsx", () => Rf(RfLine(20.0, "1\u202F000\u00A0€", "1\u00A0000 €", "300\u202F€")), "accepted", null),
        new("valeur-nc", "77/nc.xlsx", () => Suivi(["C6", "Indicateur", "2022-04", "NC", null, "oui", null]), "accepted", null),
        new("fiabilite-inconnue", "77/fiabilite.xlsx", () => Suivi(["C7", "Indicateur", "2022-04", 7.0, null, "peut-être", null]), "accepted", "attend « oui » ou « non »"),
        new("en-tete-ligne-15", "77/en-tete-bas.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("Suivi", [.. Enumerable.Range(0, 14).Select(i => (IReadOnlyList<object?>)[$"Note {i}"]), SuiviHeader, ["C8", "Indicateur", "2022-05", 8.0, null, "oui", null]])]), "accepted", null),
        new("lignes-vides", "77/lignes-vides.xlsx", () => Suivi([], ["C9", "Indicateur", "2022-05", 9.0, null, "oui", null], [], []), "accepted", null),
        new("feuille-inconnue", "77/inconnue.xlsx", () => XlsxWriter.Write([new XlsxSheetSpec("Notes", [["Pense-bête"], ["Appeler la DDETS"]]), new XlsxSheetSpec("Suivi", [SuiviHeader, ["C10", "Indicateur", "2022-06", 10.0, null, "oui", null]])]), "accepted", "Feuille non reconnue"),
        new("seed-rapport-financier", "77/rapport-financier-2022.xlsx", () => SampleWorkbooks.RapportFinancier2022(), "accepted", "ne correspond pas à la somme des lignes"),
        new("tableau-vide", "77/tableau-vide.xlsx", () => Rf(), "rejected", "ne contient aucune ligne de fiche action"),
        new("ods-ligne-large-repetee", "77/ligne-repetee.ods", () => HostileSpreadsheetTests.RepeatedWideRow(99_989), "rejected", "cellules (limite de lecture par fichier"),
        new("ods-repetition-long-max", "77/long-max.ods", () => Ingestion.Ods.OdsWorkbookTests.Ods("""<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="9223372036854775807"/></table:table-row></table:table>"""), "rejected", "au-delà de la colonne SR"),
        new("xls-repertoire-en-boucle", "77/boucle.xls", HostileSpreadsheetTests.LoopingDirectory, "rejected", "une chaîne de secteurs revient sur un secteur déjà lu"),
    ];

    private readonly AzuriteFixture azurite = new();

    public RunningApp App { get; private set; } = null!;

    public Dictionary<string, (byte[] Bytes, TableEntity? Record)> Results { get; } = [];

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        App = await RunningApp.StartAsync(azurite, watchBlobs: true, pollSeconds: 0.2, settings: new() { ["Cdppe:MaxRowsPerSheet"] = "100000" });
        foreach (var c in Cases)
        {
            var bytes = c.Bytes();
            Results[c.Name] = (bytes, null);
            await App.Storage.Uploads.GetBlobClient(c.BlobName).UploadAsync(new BinaryData(bytes), overwrite: true);
        }

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var records = new List<TableEntity>();
            await foreach (var e in App.Storage.Table(TableNames.Ingestions).QueryAsync<TableEntity>())
            {
                records.Add(e);
            }

            foreach (var c in Cases)
            {
                var record = records.FirstOrDefault(r => r.GetString("BlobName") == c.BlobName || (c.Name == "nom-avec-point-point" && (r.GetString("BlobName") ?? string.Empty).EndsWith("b.xlsx", StringComparison.Ordinal)));
                Results[c.Name] = (Results[c.Name].Bytes, record);
            }

            if (Cases.Where(c => c.Status != "skipped").All(c => Results[c.Name].Record is not null))
            {
                break;
            }

            await Task.Delay(500);
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await azurite.DisposeAsync();
    }
}

public sealed class HostileInputTests(HostileInputsFixture fixture) : IClassFixture<HostileInputsFixture>
{
    public static TheoryData<string> CaseNames() => [.. HostileInputsFixture.Cases.Select(c => c.Name)];

    [Fact]
    public void SuiteHoldsAtLeastFortyCases() => Assert.True(HostileInputsFixture.Cases.Length >= 40);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task EachCaseGetsItsFrenchAnswerAndLosesNothing(string name)
    {
        var hostile = HostileInputsFixture.Cases.Single(c => c.Name == name);
        var (bytes, record) = fixture.Results[name];
        var storage = fixture.App.Storage;

        if (hostile.Status == "skipped")
        {
            Assert.Null(record);
            Assert.True(await storage.Uploads.GetBlobClient(hostile.BlobName).ExistsAsync());
            return;
        }

        Assert.NotNull(record);
        Assert.Equal(hostile.Status, record.GetString("Status"));
        var report = (await storage.IngestionReports.GetBlobClient(record.GetString("ReportPath")[(ContainerNames.IngestionReports.Length + 1)..]).DownloadContentAsync()).Value.Content.ToString();
        if (hostile.Message is not null)
        {
            Assert.Contains(hostile.Message, JsonDocument.Parse(report).RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("text").GetString()).Aggregate(string.Empty, (a, b) => a + "\n" + b), StringComparison.Ordinal);
        }

        // Nothing lost: the exact bytes are in the archive, and the upload is still there.
        var archived = await storage.Blobs.GetBlobContainerClient(ContainerNames.Archive).GetBlobClient(record.GetString("ArchivePath")[(ContainerNames.Archive.Length + 1)..]).DownloadContentAsync();
        Assert.Equal(bytes, archived.Value.Content.ToArray());
        if (hostile.Status == "rejected")
        {
            Assert.True(await storage.Rejected.GetBlobClient($"{record.PartitionKey}/{record.RowKey}/rapport.json").ExistsAsync());
            Assert.Empty(await storage.Table(TableNames.BudgetLines).QueryAsync<TableEntity>(e => e.PartitionKey == record.PartitionKey && e.RowKey.CompareTo($"2022|{record.RowKey}") >= 0 && e.RowKey.CompareTo($"2022|{record.RowKey}~") < 0).ToListAsync());
            Assert.Empty(await storage.Table(TableNames.IndicatorValues).QueryAsync<TableEntity>(e => e.PartitionKey == record.PartitionKey && e.GetString("IngestionId") == record.RowKey).ToListAsync());
        }

        var health = await fixture.App.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void HugePartIsRefusedBeforeItIsInflated()
    {
        var error = Assert.Throws<WorkbookFormatException>(() => XlsxWorkbook.Open(new MemoryStream(SampleWorkbooks.RapportFinancier2022()), new SpreadsheetLimits { MaxUncompressedBytes = 1_000 }));

        Assert.Contains("Mo (limite", error.Message, StringComparison.Ordinal);
    }
}
