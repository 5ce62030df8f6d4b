using System.Net;
using System.Text;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class SnapshotsApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SnapshotsAreServedAsFrenchCsvWithBomForExcel()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        var dep = TestDepartements.Next();
        var services = new Services(app.Storage);
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        await services.Consolidator.ConsolidateAsync(dep, [.. Pipeline.Model.YearMonth.Range(new(2022, 1), new(2022, 12))], "test");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/snapshots?departement={dep.Code}&from=2022-09&to=2022-10");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await app.Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code;libelle;mois;valeur;unite;cible;statut;fiable;import_source;revision;base_statut", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains(";2022-10;;;;non renseigné;non;;1;aucune valeur pour octobre 2022", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";2022-09;", StringComparison.Ordinal) && l.Contains(";nombre;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SnapshotsNeedAValidRange()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        var response = await app.Client.GetAsync(new Uri("/api/snapshots?departement=77&from=2022-12&to=2022-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
