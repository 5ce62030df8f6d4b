using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using static Cdppe.Tests.Reporting.Texts.ReportEdits;

namespace Cdppe.Tests.Reporting.Texts;

/// <summary>The routes of the texts and of the report versions through HTTP: statuses, French problem details, the upload limit.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportTextsApiTests(AzuriteFixture azurite)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task AnEditedReportIsUploadedListedAndEveryVersionDownloadedAgain()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        var services = new Services(app.Storage);
        var dep = TestDepartements.Next().Code;
        await services.DropAndIngestAsync(dep, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropPlansAsync(dep);

        var early = await PutAsync(app, $"/api/reports/annual/2022/textes?departement={dep}", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal($"Aucun rapport n'a encore été généré pour le département {dep} en 2022 : téléchargez-le, complétez ses zones de texte, puis déposez-le.", await DetailAsync(early));

        var generated = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep}", UriKind.Relative));
        var report = await generated.Content.ReadAsByteArrayAsync();
        var versionId = Assert.Single(generated.Headers.GetValues("X-Cdppe-Version"));
        var edited = Fill(report, new Dictionary<string, XElement[]> { ["introduction"] = [P(R("Année marquée par la "), R("cyberattaque", bold: true), R("."))] });

        var kept = await PutAsync(app, $"/api/reports/annual/2022/textes?departement={dep}&fichier=rapport-complete.docx&auteur=Service%20ASE", edited);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var answer = JsonDocument.Parse(await kept.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["introduction"], answer.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(50, answer.GetProperty("places").GetInt32());
        Assert.Equal("1 texte conservé : il sera repris à chaque génération du rapport.", answer.GetProperty("message").GetString());
        Assert.Empty(answer.GetProperty("warnings").EnumerateArray());

        var notWord = await PutAsync(app, $"/api/reports/annual/2022/textes?departement={dep}", "pas un document"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notWord.StatusCode);
        Assert.Equal("application/problem+json", notWord.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Le fichier déposé n'est pas un document Word (.docx) lisible : enregistrez le rapport au format Word (.docx) et déposez-le à nouveau.", await DetailAsync(notWord));

        var tooLarge = await PutAsync(app, $"/api/reports/annual/2022/textes?departement={dep}", new byte[(20 * 1024 * 1024) + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Le rapport déposé pèse 20 480 Ko : la limite est de 20 Mo.", (await DetailAsync(tooLarge)).Replace('\u00A0', ' '));

        var places = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri($"/api/reports/annual/2022/textes?departement={dep}", UriKind.Relative))).RootElement.EnumerateArray().ToList();
        Assert.Equal(50, places.Count);
        var introduction = places.Single(p => p.GetProperty("name").GetString() == "introduction");
        Assert.Equal("Introduction : contexte de l'année", introduction.GetProperty("title").GetString()!.Replace('\u00A0', ' '));
        Assert.Equal(1, introduction.GetProperty("versions").GetInt32());
        var change = introduction.GetProperty("lastChange");
        Assert.Equal(("Service ASE", "rapport-complete.docx", "Année marquée par la cyberattaque."), (change.GetProperty("author").GetString(), change.GetProperty("fileName").GetString(), change.GetProperty("excerpt").GetString()));
        Assert.Equal(JsonValueKind.Null, places.Single(p => p.GetProperty("name").GetString() == "fiche-9").GetProperty("lastChange").ValueKind);

        var versions = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri($"/api/reports/annual/2022/versions?departement={dep}", UriKind.Relative))).RootElement.EnumerateArray().ToList();
        var version = Assert.Single(versions);
        Assert.Equal(versionId, version.GetProperty("id").GetString());
        Assert.Equal(string.Empty, version.GetProperty("textsVersion").GetString());
        Assert.Equal(report, await app.Client.GetByteArrayAsync(new Uri(version.GetProperty("download").GetString()!, UriKind.Relative)));
        var unknown = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022/versions/20990101T000000000Z-000000?departement={dep}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> PutAsync(RunningApp app, string route, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(DocxType);
        return await app.Client.PutAsync(new Uri(route, UriKind.Relative), content);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
