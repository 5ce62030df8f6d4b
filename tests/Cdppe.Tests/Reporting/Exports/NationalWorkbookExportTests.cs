using System.Net;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Exports;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using ExcelDataReader;

namespace Cdppe.Tests.Reporting.Exports;

/// <summary>The State's national workbook on an Azurite of its own (it reads every département there is): 77 with the 2022 samples, 93 with its monthly follow-up only.</summary>
public sealed class NationalWorkbookExportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Actor State = new("etat", "etat", ActorRole.National);

    /// <summary>Every sheet's cells as ExcelDataReader reads them (values, not formats).</summary>
    private static Dictionary<string, List<object?[]>> Cells(byte[] bytes)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes));
        var sheets = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    [Fact]
    public async Task ASyntheseRowPerDepartementWithDataAndEveryIndicatorInAFilteredTable()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        Assert.True(Departement.TryParse("77", out var seineEtMarne));
        Assert.True(Departement.TryParse("93", out var seineSaintDenis));
        await services.DropAndIngestAsync("77", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("77", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
        await services.DropPlansAsync("77");
        await services.Consolidator.ConsolidateAsync(seineEtMarne.Value, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");
        await services.DropAndIngestAsync("93", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        await services.Consolidator.ConsolidateAsync(seineSaintDenis.Value, [new YearMonth(2022, 12)], "test");

        var outcome = await services.Get<NationalWorkbookExport>().ExportAsync(State, 2022);

        var file = outcome.Value!;
        Assert.Equal(("cdppe-national-2022.xlsx", ExportCells.ContentType), (file.FileName, file.ContentType));
        var sheets = Cells(file.Content);
        Assert.Equal(["Synthèse", "Indicateurs"], sheets.Keys);

        var synthese = sheets["Synthèse"];
        Assert.Equal(["Département", "Nom", "Classeurs déposés", "Période du budget", "Budget prévu", "Budget consommé", "% consommé", "Indicateurs atteint", "Indicateurs en bonne voie", "Indicateurs en retard", "Indicateurs non renseigné", "Indicateurs sans cible", "Indicateurs non fiable", "Dernière consolidation"], synthese[1].Select(c => c as string));
        Assert.Equal(4, synthese.Count);
        var (row77, row93) = (synthese[2], synthese[3]);
        Assert.Equal(("77", "Seine-et-Marne", "2020-2022"), (row77[0], row77[1], row77[3]));
        Assert.Equal("Plan d'action et de financement, Tableau de bord des indicateurs, Rapport financier, Bilans des fiches actions, Suivi mensuel des indicateurs", row77[2]);
        // Seed 003: 31 117 173 € planned over 2020-2022, 21 252 748 € consumed.
        Assert.Equal((31_117_173d, 21_252_748d), (row77[4], row77[5]));
        Assert.Equal(0.683, Math.Round((double)row77[6]!, 3));
        Assert.Equal(("93", "Seine-Saint-Denis", 0d, null), (row93[0], row93[1], row93[4], row93[6]));
        Assert.Equal("Suivi mensuel des indicateurs", row93[2]);
        // The consolidations' date (the test clock's 15 May 2023, 11:00 in Paris).
        Assert.Equal(new DateTime(2023, 5, 15, 11, 0, 0), row77[13]);

        var indicateurs = sheets["Indicateurs"];
        Assert.Equal(["Département", "Nom", "Engagement", "Objectif", "Code", "Libellé", "Cible 2022", "Atteint 2022", "Mois de la valeur", "Fiable", "Statut"], indicateurs[0].Select(c => c as string));
        var of77 = indicateurs.Skip(1).Where(r => (string?)r[0] == "77").ToList();
        var of93 = indicateurs.Skip(1).Where(r => (string?)r[0] == "93").ToList();
        Assert.Equal(indicateurs.Count - 1, of77.Count + of93.Count);
        Assert.Equal(2, of93.Count);
        // Each status column of the Synthèse counts the indicators of that status in the long sheet.
        foreach (var (status, column) in new[] { ("atteint", 7), ("en bonne voie", 8), ("en retard", 9), ("non renseigné", 10), ("sans cible", 11), ("non fiable", 12) })
        {
            Assert.Equal((double)of77.Count(r => (string?)r[10] == status), row77[column]);
        }

        var entretiens = of77.Single(r => (string?)r[4] == "O01-NOMBRE-ENTRETIENS-4E-MOIS-REALISES-PMI");
        Assert.Equal(("Engagement 1", 1d, 367d), (entretiens[2], entretiens[3], entretiens[7]));
        var bilans = of77.Single(r => (string?)r[5] == "Nombre de bilans de santé en école maternelle réalisés par la PMI");
        Assert.Equal((16_988d, new DateTime(2022, 12, 1), "oui"), (bilans[7], bilans[8], bilans[9]));

        var layout = ExportedWorkbook.Read(file.Content);
        Assert.Equal([$"Indicateurs A1:K{indicateurs.Count} filtre"], layout.Sheets["Indicateurs"].Tables);
        Assert.Equal(("#,##0 \"€\"", "0.0%", "dd/mm/yyyy hh:mm"), (layout.Sheets["Synthèse"].Formats["E3"], layout.Sheets["Synthèse"].Formats["G3"], layout.Sheets["Synthèse"].Formats["N3"]));
        Assert.Equal("mmmm yyyy", layout.Sheets["Indicateurs"].Formats[$"I{indicateurs.IndexOf(bilans) + 1}"]);
    }

    [Fact]
    public async Task ADepartementsKeyIsRefusedInFrench()
    {
        var outcome = await new Services(await azurite.StorageAsync()).Get<NationalWorkbookExport>().ExportAsync(new Actor("seine", "seine", ActorRole.Departement), 2022);
        Assert.Equal((Refusal.Forbidden, "Le classeur national est réservé aux services de l'État (rôle National)."), (outcome.Refused!.Value, outcome.Message));

        await using var app = await RunningApp.StartAsync(azurite, apiKey: "cle-operateur", settings: new()
        {
            ["Cdppe:Keys:seine:Key"] = "cle-77",
            ["Cdppe:Keys:seine:Departements"] = "77",
            ["Cdppe:Keys:etat:Key"] = "cle-etat",
            ["Cdppe:Keys:etat:Role"] = "National",
        });
        async Task<HttpResponseMessage> GetAsync(string path, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("x-functions-key", key);
            return await app.Client.SendAsync(request);
        }

        var departement = await GetAsync("/api/exports/national/2022?departement=77", "cle-77");
        var state = await GetAsync("/api/exports/national/2022", "cle-etat");
        Assert.Equal(HttpStatusCode.Forbidden, departement.StatusCode);
        Assert.Contains("Le classeur national est réservé aux services de", await departement.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Forbidden, state.StatusCode);
    }
}
