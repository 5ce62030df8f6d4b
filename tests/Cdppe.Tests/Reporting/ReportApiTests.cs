using System.Net;
using System.Text.Json;
using Cdppe.Pipeline.Reporting;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cdppe.Tests.Reporting;

/// <summary>The report routes end to end through HTTP, with user templates in blob storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportApiTests(AzuriteFixture azurite)
{
    private static async Task<RunningApp> StartAsync(AzuriteFixture azurite)
    {
        var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        return app;
    }

    private static async Task SeedAsync(RunningApp app, string dep)
    {
        var services = new Services(app.Storage);
        await services.DropAndIngestAsync(dep, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
    }

    [Fact]
    public async Task ReportRouteReturnsTheDocxNamedForTheDepartementAndYearAndSavesIt()
    {
        await using var app = await StartAsync(azurite);
        var dep = TestDepartements.Next();
        await SeedAsync(app, dep.Code);
        await new Services(app.Storage).DropPlansAsync(dep.Code);

        var response = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep.Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AnnualReportService.DocxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"rapport-execution-{dep.Code}-2022.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Docx.Errors(bytes));
        // French typography: no-break spaces before « % » and « : », inside amounts and before « € ».
        Assert.Contains($"Montant consommé en valeur et\u00A0% du total prévu\u00A0: 437\u00A0757\u00A0€ (52,1\u00A0%)", string.Join('\n', Docx.Blocks(bytes)), StringComparison.Ordinal);
        Assert.True(await app.Storage.Reports.GetBlobClient($"{dep.Code}/rapport-execution-{dep.Code}-2022.docx").ExistsAsync());
    }

    [Fact]
    public async Task ReportRouteRendersTheUserTemplateFromBlobStorage()
    {
        await using var app = await StartAsync(azurite);
        var dep = TestDepartements.Next();
        await SeedAsync(app, dep.Code);
        var template = Docx.Create(
            Docx.P("Rapport {{annee}} – {{departement.nom}}"),
            Docx.Table(Docx.Row("{{#engagements}}{{nom}}", "{{sousTotal.budgetGlobal | euros}}{{/engagements}}")),
            Docx.P("Total : {{total.budgetGlobal | euros}}"));
        await app.Storage.Templates.GetBlobClient($"{dep.Code}/rapport-execution.docx").UploadAsync(new BinaryData(template), overwrite: true);

        var response = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep.Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blocks = Docx.Blocks(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"Rapport 2022 – {ReferenceData.DepartementName(dep)}", blocks[0]);
        Assert.Equal("[t] Engagement 1 | 8\u00A0677\u00A0102\u00A0€ / Engagement 2 | 15\u00A0152\u00A0180\u00A0€ / Engagement 3 | 330\u00A0000\u00A0€ / Engagement 4 | 2\u00A0565\u00A0742\u00A0€ / Conditions pour y parvenir | 4\u00A0392\u00A0149\u00A0€", blocks[1]);
        Assert.Equal("Total : 31\u00A0117\u00A0173\u00A0€", blocks[2]);
    }

    [Fact]
    public async Task BrokenUserTemplateGives422NamingEveryTagAndWhereItIs()
    {
        await using var app = await StartAsync(azurite);
        var dep = TestDepartements.Next();
        await SeedAsync(app, dep.Code);
        var broken = Docx.Create(Docx.P("Rapport {{annee}}"), Docx.P("{{#fiches}}"), Docx.P("Fiche {{numero}} : {{intitul}}"), Docx.P("{{montant | devise}}"));
        await app.Storage.Templates.GetBlobClient("rapport-execution.docx").UploadAsync(new BinaryData(broken), overwrite: true);
        try
        {
            var response = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep.Code}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var detail = problem.RootElement.GetProperty("detail").GetString()!;
            Assert.Contains("templates/rapport-execution.docx", detail, StringComparison.Ordinal);
            Assert.Contains("La section {{#fiches}} n'est jamais fermée", detail, StringComparison.Ordinal);
            Assert.Contains("paragraphe 2", detail, StringComparison.Ordinal);
            Assert.Contains("Le filtre « devise »", detail, StringComparison.Ordinal);
            var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("balise").GetString())).ToList();
            Assert.Equal([("boucle-non-fermee", "{{#fiches}}"), ("filtre-inconnu", "{{montant | devise}}")], errors.OrderBy(e => e.Item1).ToList());
        }
        finally
        {
            await app.Storage.Templates.GetBlobClient("rapport-execution.docx").DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task TemplateWithAnUnknownTagGives422AtRenderTime()
    {
        await using var app = await StartAsync(azurite);
        var dep = TestDepartements.Next();
        await SeedAsync(app, dep.Code);
        await app.Storage.Templates.GetBlobClient($"{dep.Code}/rapport-execution.docx").UploadAsync(new BinaryData(Docx.Create(Docx.P("{{#fiches}}{{numero}} {{budjet | euros}}{{/fiches}}"))), overwrite: true);

        var response = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep.Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("La balise {{budjet | euros}} est inconnue", detail, StringComparison.Ordinal);
        Assert.Contains("Vouliez-vous dire « budget »", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportRouteAnswers400ForBadInputAnd404WithoutData()
    {
        await using var app = await StartAsync(azurite);

        var badYear = await app.Client.GetAsync(new Uri("/api/reports/annual/1999?departement=77", UriKind.Relative));
        var badCode = await app.Client.GetAsync(new Uri("/api/reports/annual/2022?departement=2C", UriKind.Relative));
        var noData = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={TestDepartements.Next().Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noData.StatusCode);
        Assert.Contains("Aucune donnée", await noData.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportRouteAnswers404NamingTheContractsForAYearNoneCovers()
    {
        await using var app = await StartAsync(azurite);
        var dep = TestDepartements.Next();
        await SeedAsync(app, dep.Code);
        await new Services(app.Storage).DropPlansAsync(dep.Code);

        var response = await app.Client.GetAsync(new Uri($"/api/reports/annual/2023?departement={dep.Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            $"Aucun contrat du département {dep.Code} ne couvre 2023 : le seul contrat connu est « Contrat 2020-2022 ». Choisissez une année de sa période, ou déposez d'abord l'annexe 2.1 de 2023 de l'avenant qui couvre cette année.",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TemplateRouteServesTheBuiltInTemplateOrTheOneInForce()
    {
        await using var app = await StartAsync(azurite);
        var dep = TestDepartements.Next();
        var own = Docx.Create(Docx.P("Mon modèle {{annee}}"));
        await app.Storage.Templates.GetBlobClient($"{dep.Code}/rapport-execution.docx").UploadAsync(new BinaryData(own), overwrite: true);

        var builtIn = await app.Client.GetAsync(new Uri("/api/reports/template", UriKind.Relative));
        var inForce = await app.Client.GetAsync(new Uri($"/api/reports/template?departement={dep.Code}", UriKind.Relative));
        var bad = await app.Client.GetAsync(new Uri("/api/reports/template?departement=00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, builtIn.StatusCode);
        Assert.Equal("rapport-execution.docx", builtIn.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(DefaultReportTemplate.Bytes, await builtIn.Content.ReadAsByteArrayAsync());
        Assert.Equal(own, await inForce.Content.ReadAsByteArrayAsync());
        Assert.Equal($"templates/{dep.Code}/rapport-execution.docx", Uri.UnescapeDataString(inForce.Headers.GetValues("X-Cdppe-Template").Single()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task RenderedReportsOfOneTemplateVersionShareOneCompilation()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rf.xlsx", SampleWorkbooks.RapportFinancier2022());
        var cache = new Pipeline.Reporting.Templating.DocxTemplateCache();
        var reports = new AnnualReportService(services.Get<ReportInputsReader>(), services.Get<Pipeline.Storage.TemplateStore>(), services.Get<Pipeline.Storage.ReportFileStore>(), cache, services.Get<ReportRenderGate>(), services.Get<Pipeline.Storage.ReportTextStore>(), services.Get<ReportVersions>(), TimeProvider.System, NullLogger<AnnualReportService>.Instance);

        await reports.GenerateAsync(dep, 2022);
        await reports.GenerateAsync(dep, 2022);
        Assert.Equal(1, cache.Count);
        await services.Storage.Templates.GetBlobClient($"{dep.Code}/rapport-execution.docx").UploadAsync(new BinaryData(Docx.Create(Docx.P("{{annee}}"))), overwrite: true);
        await reports.GenerateAsync(dep, 2022);
        Assert.Equal(2, cache.Count);
    }
}
