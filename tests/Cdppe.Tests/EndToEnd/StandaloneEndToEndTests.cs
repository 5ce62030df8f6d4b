using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Tests.EndToEnd;

/// <summary>The walking skeleton: drop → ingestion seen → consolidation → report downloaded over HTTP, in standalone mode.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StandaloneEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DroppedWorkbooksBecomeADownloadedReport()
    {
        await using var app = await RunningApp.StartAsync(azurite, watchBlobs: true);
        var dep = TestDepartements.Next().Code;
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        // A drop straight into the container, and one through the upload route.
        await app.Storage.Uploads.GetBlobClient($"{dep}/rapport-financier-2022.xlsx").UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()), overwrite: true);
        var put = await app.Client.PutAsync(new Uri($"/api/uploads/{dep}/suivi-mensuel-2022.xlsx", UriKind.Relative), new ByteArrayContent(SampleWorkbooks.SuiviMensuel2022()));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);

        var ingestions = await WaitForAsync(async () =>
        {
            var list = await app.Client.GetFromJsonAsync<JsonElement>($"/api/ingestions?departement={dep}");
            return list.GetArrayLength() == 2 ? list : (JsonElement?)null;
        });
        Assert.All(ingestions.EnumerateArray(), i => Assert.Equal("accepted", i.GetProperty("status").GetString()));

        var consolidation = await app.Client.PostAsync(new Uri($"/api/consolidations?departement={dep}&month=2022-10", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, consolidation.StatusCode);
        var summary = await consolidation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(summary.GetProperty("snapshots").GetInt32(), summary.GetProperty("gaps").GetInt32());

        var response = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"rapport-execution-{dep}-2022.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var cells = document.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("1\u00A0866\u00A0914\u00A0€", cells);
        Assert.Contains("31\u00A0117\u00A0173\u00A0€", cells);
    }

    [Fact]
    public async Task ReportRouteAnswersProblemDetailsForBadInput()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        var badYear = await app.Client.GetAsync(new Uri("/api/reports/annual/20x2?departement=77", UriKind.Relative));
        var badCode = await app.Client.GetAsync(new Uri("/api/reports/annual/2022?departement=20", UriKind.Relative));
        var noData = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={TestDepartements.Next().Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noData.StatusCode);
        var problem = await noData.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Aucune donnée n'a été importée", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The condition was not met within 60 s.");
    }
}
