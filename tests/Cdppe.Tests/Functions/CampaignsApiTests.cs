using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Functions;

/// <summary>The campaign's API routes over HTTP: a whole round with named keys, and what each role and scope may not do.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignsApiTests(AzuriteFixture azurite)
{
    private const string OperatorKey = "cle-operateur";
    private const string DepartementKey = "cle-departement";
    private const string OtherKey = "cle-autre-departement";
    private const string NationalKey = "cle-etat";

    private static Dictionary<string, string?> Keys(string departement, string other) => new()
    {
        ["Cdppe:Keys:seine:Key"] = DepartementKey,
        ["Cdppe:Keys:seine:Departements"] = departement,
        ["Cdppe:Keys:autre:Key"] = OtherKey,
        ["Cdppe:Keys:autre:Departements"] = other,
        ["Cdppe:Keys:etat:Key"] = NationalKey,
        ["Cdppe:Keys:etat:Role"] = "National",

        // No PDF converter: the package goes without the report as PDF and says so (ReportPdfPackagePartTests converts it).
        ["Cdppe:Pdf:SofficePath"] = "/nonexistent/soffice",
    };

    private static async Task<HttpResponseMessage> SendAsync(RunningApp app, HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", key);
        return await app.Client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task AWholeRoundIsTransmittedReviewedAndValidatedAndTheFirstPackageNeverChanges()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: OperatorKey, settings: Keys(dep.Code, other.Code));
        var services = new Services(app.Storage);
        await services.DropPlansAsync(dep.Code);
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var campaign = $"/api/campagnes/2022?departement={dep.Code}";

        var initial = await JsonAsync(await SendAsync(app, HttpMethod.Get, campaign, DepartementKey), HttpStatusCode.OK);
        var first = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/transmissions?departement={dep.Code}", DepartementKey);
        var receipt = await JsonAsync(first, HttpStatusCode.Created);
        var id = receipt.GetProperty("id").GetString()!;
        var manifest = receipt.GetProperty("manifest").EnumerateArray().ToList();
        var file = manifest.Single(f => f.GetProperty("fichier").GetString()!.EndsWith(".docx", StringComparison.Ordinal));
        var package = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022/transmissions/{id}?departement={dep.Code}", NationalKey);
        var zipBytes = await package.Content.ReadAsByteArrayAsync();

        Assert.Equal("en-preparation", initial.GetProperty("etat").GetString());
        Assert.Equal(1, receipt.GetProperty("tour").GetInt32());
        Assert.Equal($"/api/campagnes/2022/transmissions/{id}?departement={dep.Code}", first.Headers.Location?.OriginalString);
        Assert.Equal("seine", receipt.GetProperty("transmisPar").GetProperty("nom").GetString());
        Assert.Equal("Département", receipt.GetProperty("transmisPar").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);
        Assert.Equal("application/zip", package.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            Assert.Equal($"rapport-execution-{dep.Code}-2022.docx", file.GetProperty("fichier").GetString());
            Assert.Equal(["manifeste.json", $"rapport-execution-{dep.Code}-2022.docx", $"rapport-financier-{dep.Code}-2022.xlsx", $"tableau-de-bord-snppe-{dep.Code}-2022.xlsx"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            Assert.Equal(3, manifest.Count);
            var missing = Assert.Single(receipt.GetProperty("manquants").EnumerateArray());
            Assert.Equal($"rapport-execution-{dep.Code}-2022.pdf", missing.GetProperty("fichier").GetString());
            Assert.StartsWith("Le rapport au format PDF manque à ce paquet : aucun convertisseur PDF n'est disponible sur ce serveur", missing.GetProperty("raison").GetString(), StringComparison.Ordinal);
            using var manifestJson = JsonDocument.Parse(zip.GetEntry("manifeste.json")!.Open());
            Assert.Equal(missing.GetProperty("raison").GetString(), Assert.Single(manifestJson.RootElement.GetProperty("manquants").EnumerateArray()).GetProperty("raison").GetString());
            using var report = new MemoryStream();
            using (var entry = zip.GetEntry(file.GetProperty("fichier").GetString()!)!.Open())
            {
                entry.CopyTo(report);
            }

            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(report.ToArray())));
            Assert.Equal(file.GetProperty("octets").GetInt64(), report.Length);
        }

        // Transmitted: neither the département again nor anyone but the State moves it on.
        var again = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/transmissions?departement={dep.Code}", DepartementKey);
        var selfReview = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={dep.Code}", DepartementKey, new { etat = "valide" });
        var operatorReview = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={dep.Code}", OperatorKey, new { etat = "valide" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("« transmis »", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, selfReview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorReview.StatusCode);

        var instruction = await JsonAsync(await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={dep.Code}", NationalKey, new { etat = "en-instruction" }), HttpStatusCode.OK);
        var badPart = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={dep.Code}", NationalKey, new { etat = "a-completer", remarques = new[] { new { partie = "page-3", texte = "?" } } });
        var completion = await JsonAsync(
            await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={dep.Code}", NationalKey, new { etat = "a-completer", remarques = new[] { new { partie = "fiche-9", texte = "La cible de l'indicateur 9.1 manque." } } }),
            HttpStatusCode.OK);
        Assert.Equal("en-instruction", instruction.GetProperty("etat").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPart.StatusCode);
        Assert.Contains("« page-3 » ne désigne pas une partie du rapport", await badPart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("a-completer", completion.GetProperty("etat").GetString());
        var remark = Assert.Single(completion.GetProperty("remarquesEnCours").EnumerateArray());
        Assert.Equal("fiche 9", remark.GetProperty("partieLibelle").GetString());
        Assert.Equal("indicateurs", remark.GetProperty("page").GetString());
        Assert.Equal("etat", remark.GetProperty("auteur").GetProperty("nom").GetString());

        var second = await JsonAsync(await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/transmissions?departement={dep.Code}", DepartementKey), HttpStatusCode.Created);
        var answered = await JsonAsync(await SendAsync(app, HttpMethod.Get, campaign, DepartementKey), HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("tour").GetInt32());
        Assert.NotEqual(id, second.GetProperty("id").GetString());
        Assert.Empty(answered.GetProperty("remarquesEnCours").EnumerateArray());
        Assert.Single(answered.GetProperty("remarques").EnumerateArray());

        var validated = await JsonAsync(await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={dep.Code}", NationalKey, new { etat = "valide" }), HttpStatusCode.OK);
        var afterwards = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022/transmissions/{id}?departement={dep.Code}", DepartementKey);
        var list = await JsonAsync(await SendAsync(app, HttpMethod.Get, "/api/campagnes/2022", NationalKey), HttpStatusCode.OK);

        Assert.Equal("valide", validated.GetProperty("etat").GetString());
        Assert.Equal(["a-completer", "valide"], validated.GetProperty("tours").EnumerateArray().Select(t => t.GetProperty("revue").GetString()));
        Assert.Equal(zipBytes, await afterwards.Content.ReadAsByteArrayAsync());
        var mine = Assert.Single(list.EnumerateArray(), c => c.GetProperty("departement").GetString() == dep.Code);
        Assert.Equal("valide", mine.GetProperty("etat").GetString());
        Assert.Equal(2, mine.GetProperty("tour").GetInt32());

        // The journal: who did what, newest first, each with its author.
        var journal = validated.GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("auteur").GetProperty("nom").GetString()}").ToList();
        Assert.Equal(["revue etat", "transmission seine", "remarque etat", "revue etat", "revue etat", "transmission seine"], journal);
    }

    [Fact]
    public async Task AKeyOfOneDepartementOpensNoOtherNorTheNationalListByAnyRoute()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: OperatorKey, settings: Keys(dep.Code, other.Code));
        var o = other.Code;

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["get"] = (await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022?departement={o}", DepartementKey)).StatusCode,
            ["list"] = (await SendAsync(app, HttpMethod.Get, "/api/campagnes/2022", DepartementKey)).StatusCode,
            ["transmit"] = (await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/transmissions?departement={o}", DepartementKey)).StatusCode,
            ["package"] = (await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022/transmissions/2022-{o}-01-00000000?departement={o}", DepartementKey)).StatusCode,
            ["review"] = (await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={o}", DepartementKey, new { etat = "valide" })).StatusCode,
        };
        var ownList = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022?departement={dep.Code}", DepartementKey);

        Assert.All(answers, a => Assert.True(a.Value == HttpStatusCode.Forbidden, $"{a.Key}: {a.Value}"));
        Assert.Equal(HttpStatusCode.OK, ownList.StatusCode);
    }

    [Fact]
    public async Task AnotherDepartementsRealPackageIsNeitherServedUnderItsOwnCodeNorUnderOurs()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: OperatorKey, settings: Keys(dep.Code, other.Code));
        await new Services(app.Storage).DropAndIngestAsync(other.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var theirs = await JsonAsync(await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/transmissions?departement={other.Code}", OtherKey), HttpStatusCode.Created);
        var id = theirs.GetProperty("id").GetString()!;

        var underTheirCode = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022/transmissions/{id}?departement={other.Code}", DepartementKey);
        var underOurCode = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022/transmissions/{id}?departement={dep.Code}", DepartementKey);
        var theirCampaign = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022?departement={other.Code}", DepartementKey);
        var byTheState = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022/transmissions/{id}?departement={other.Code}", NationalKey);

        Assert.Equal(HttpStatusCode.Forbidden, underTheirCode.StatusCode);
        Assert.Equal("application/problem+json", underTheirCode.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, underOurCode.StatusCode);
        Assert.Contains("Ce paquet de transmission n'existe pas pour ce département et cette année.", await underOurCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, theirCampaign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byTheState.StatusCode);
        Assert.Equal("application/zip", byTheState.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheNationalRoleReadsEveryDepartementButNeitherDropsNorTransmitsAndTheOperatorDoesNotTransmit()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: OperatorKey, settings: Keys(dep.Code, other.Code));
        using var workbook = new ByteArrayContent(SampleWorkbooks.RapportFinancier2022());
        using var upload = new HttpRequestMessage(HttpMethod.Put, $"/api/uploads/{dep.Code}/rapport-financier-2022.xlsx") { Content = workbook };
        upload.Headers.Add("x-functions-key", NationalKey);

        var read = await SendAsync(app, HttpMethod.Get, $"/api/campagnes/2022?departement={dep.Code}", NationalKey);
        var drop = await app.Client.SendAsync(upload);
        var consolidate = await SendAsync(app, HttpMethod.Post, $"/api/consolidations?departement={dep.Code}", NationalKey);
        var nationalTransmits = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/transmissions?departement={dep.Code}", NationalKey);
        var operatorTransmits = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/transmissions?departement={dep.Code}", OperatorKey);
        var reviewOfNothing = await SendAsync(app, HttpMethod.Post, $"/api/campagnes/2022/revues?departement={dep.Code}", NationalKey, new { etat = "valide" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, drop.StatusCode);
        Assert.Contains("Le rôle National lit tous les départements", await drop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, consolidate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, nationalTransmits.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorTransmits.StatusCode);
        Assert.Contains("Seul un compte du département transmet", await operatorTransmits.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, reviewOfNothing.StatusCode);
        Assert.Contains("Une campagne « en préparation » ne peut pas passer « validé »", await reviewOfNothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
