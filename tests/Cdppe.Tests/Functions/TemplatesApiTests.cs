using Azure.Data.Tables;
using System.Net;
using System.Text.Json;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Cdppe.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class TemplatesApiTests(AzuriteFixture azurite)
{
    public static TheoryData<string> Kinds => [.. InputTemplates.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryBlankTemplateIsValidAndReadAsItsKind(string kind)
    {
        var bytes = InputTemplates.Build(kind, 2022)!;

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
        }

        var content = new WorkbookParser().Parse(new MemoryStream(bytes));
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal(kind, sheet.Kind);
        Assert.DoesNotContain(content.Issues.All, i => i.Code == "annee-introuvable");
    }

    [Fact]
    public async Task SuiviMensuelTemplateIsPrefilledWithTheDepartementsIndicatorsAndComesBackFilled()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        var services = new Services(app.Storage);
        var dep = TestDepartements.Next().Code;
        await services.DropAndIngestAsync(dep, "tdb.xlsx", SampleWorkbooks.TableauDeBord());
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        var response = await app.Client.GetAsync(new Uri($"/api/templates/suivi-mensuel?departement={dep}&annee=2022", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InputTemplates.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"modele-suivi-mensuel-{dep}-2022.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
            var part = document.WorkbookPart!.WorksheetParts.Single();
            Assert.Equal(3, part.Worksheet.Elements<DataValidations>().Single().Elements<DataValidation>().Count());
        }

        List<List<object?>> rows;
        using (var workbook = XlsxWorkbook.Open(new MemoryStream(bytes)))
        {
            rows = workbook.ReadRows(workbook.Sheets[0]).Select(r => Enumerable.Range(1, 9).Select(c => r.Get(c) is { IsEmpty: false } cell ? cell.Kind == SheetCellKind.Number ? (object?)cell.Number : cell.Text : null).ToList()).ToList();
        }

        var codes = rows.Skip(2).Select(r => (string)r[0]!).Distinct().ToList();
        var stored = (await services.Get<IndicatorStore>().CurrentAsync(await services.HeadAsync(dep))).Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(stored, codes);
        var ip = rows.Where(r => (string)r[0]! == "O06-TAUX-IP-EVALUEES-DELAIS").ToList();
        Assert.Equal(12, ip.Count);
        Assert.Equal(("2022-06", 6.0, 1.0), ((string)ip[5][4]!, (double)ip[5][2]!, (double)ip[5][3]!));

        // The user fills June for two indicators; the other rows stay blank and are not values.
        var filled = rows.Select((r, i) => (IReadOnlyList<object?>)r.Select((v, c) => c == 5 && i >= 2 && (string)r[4]! == "2022-06" && ((string)r[0]!).StartsWith("O06-NOMBRE-IP-EVALUEES", StringComparison.Ordinal) ? (object?)1_000.0 : v).ToList()).ToList();
        var result = await services.DropAndIngestAsync(dep, "suivi-juin.xlsx", XlsxWriter.Write([new("Suivi mensuel", filled)]));

        Assert.Equal(IngestionStatus.Accepted, result.Status);
        var values = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.IndicatorValues, dep);
        Assert.Equal(["O06-NOMBRE-IP-EVALUEES", "O06-NOMBRE-IP-EVALUEES-MOINS-3-MOIS"], values.Select(v => v.GetString("Code")).Order(StringComparer.Ordinal));
        Assert.All(values, v => Assert.Equal("2022-06", v.GetString("Period")));
    }

    [Fact]
    public async Task UnknownKindAndMissingDepartementAreFrenchProblems()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        var unknown = await app.Client.GetAsync(new Uri("/api/templates/budget?departement=77", UriKind.Relative));
        var noDep = await app.Client.GetAsync(new Uri("/api/templates/suivi-mensuel", UriKind.Relative));
        var blank = await app.Client.GetAsync(new Uri("/api/templates/plan-action?annee=2020", UriKind.Relative));
        var noKey = await new HttpClient { BaseAddress = app.Client.BaseAddress }.GetAsync(new Uri("/api/templates/plan-action", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.StartsWith("« budget » n'est pas un type de classeur connu", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noDep.StatusCode);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal("modele-plan-action-2020.xlsx", blank.Content.Headers.ContentDisposition?.FileNameStar ?? blank.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }
}
