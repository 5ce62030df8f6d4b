using System.Net;
using System.Text.Json;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using Microsoft.Extensions.Options;
using static Cdppe.Tests.Support.HostileTemplates;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// Twenty reports at once with a 49 MB template took 6,7 GB and kept it (issue 22): the template, each of its parts
/// and all of them uncompressed are bounded, the compiled templates kept are bounded by count and bytes, and the
/// renderings of an instance by a number at once and a queue, beyond which a request gets a French 503.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TemplateResourceTests(AzuriteFixture azurite)
{
    private const int MiB = 1024 * 1024;

    private static byte[] Plain() => Docx.Create(Docx.P("Rapport {{annee}}"));

    [Fact]
    public void ATemplateOf21MbIsRefusedAndOneOf19MbIsRendered()
    {
        var large = WithStoredEntry(Plain(), "word/media/photo.jpg", 21 * MiB);
        var accepted = WithStoredEntry(Plain(), "word/media/photo.jpg", 19 * MiB);

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(large));

        var only = Assert.Single(error.Errors);
        Assert.Equal("modele-trop-volumineux", only.Code);
        Assert.Equal("Le modèle fait 21 Mo : au-delà de 20 Mo, il est refusé (allégez ses images).", only.Message);
        Assert.Equal("Rapport 2022", Docx.Blocks(DocxTemplate.Compile(accepted).Render(Docx.Data(("annee", 2022))))[0]);
    }

    [Fact]
    public void APartOver20MbOnceUncompressedIsRefusedNamingThePart()
    {
        var docx = WithStoredEntry(Plain(), "word/media/image1.bmp", 21 * MiB, zeros: true);

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(docx));

        Assert.True(docx.Length < MiB, $"{docx.Length} bytes");
        Assert.Equal("La partie « /word/media/image1.bmp » du modèle fait 21 Mo une fois décompressée : au-delà de 20 Mo par partie (limite de taille d'une partie), le modèle est refusé (allégez ses images).", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void PartsOver100MbTogetherOnceUncompressedAreRefused()
    {
        var docx = Plain();
        for (var i = 1; i <= 6; i++)
        {
            docx = WithStoredEntry(docx, $"word/media/image{i}.bmp", 18 * MiB, zeros: true);
        }

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(docx));

        Assert.Equal("Le modèle fait 108 Mo une fois décompressé : au-delà de 100 Mo (limite de taille une fois décompressé), il est refusé (allégez ses images).", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void MoreThanAThousandPartsAreRefused()
    {
        var docx = Plain();
        using (var stream = new MemoryStream())
        {
            stream.Write(docx);
            using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            {
                for (var i = 0; i < 1_000; i++)
                {
                    using var writer = new StreamWriter(zip.CreateEntry($"customXml/item{i}.xml").Open());
                    writer.Write("<a/>");
                }
            }

            docx = stream.ToArray();
        }

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(docx));

        Assert.StartsWith("Le modèle contient 1\u202F00", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("parties : au-delà de 1\u202F000 (limite du nombre de parties), il est refusé.", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCompiledTemplatesKeptAreBoundedByTheirBytes()
    {
        var cache = new DocxTemplateCache(capacity: 16, maxBytes: MiB);
        var a = WithStoredEntry(Docx.Create(Docx.P("{{x}}")), "word/media/a.png", 600_000);
        var b = WithStoredEntry(Docx.Create(Docx.P("{{y}}")), "word/media/b.png", 600_000);
        var small = Docx.Create(Docx.P("{{z}}"));

        var first = cache.GetOrCompile(a);
        var second = cache.GetOrCompile(b);

        Assert.Equal(1, cache.Count);
        Assert.InRange(cache.Bytes, 600_000, MiB);
        Assert.Same(second, cache.GetOrCompile(b));
        Assert.NotSame(first, cache.GetOrCompile(a));
        cache.GetOrCompile(small);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task BeyondTheRenderingsAtOnceRequestsWaitAndBeyondTheQueueTheyAreRefused()
    {
        using var gate = new ReportRenderGate(Options.Create(new ReportRenderOptions { MaxConcurrentRenders = 1, MaxQueuedRenders = 1 }));
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var held = gate.RunAsync(
            async () =>
            {
                started.SetResult();
                await release.Task;
                return 1;
            });
        await started.Task;
        var queued = gate.RunAsync(() => Task.FromResult(2));
        var refused = await Assert.ThrowsAsync<ReportRendersBusyException>(() => gate.RunAsync(() => Task.FromResult(3)));

        Assert.False(queued.IsCompleted);
        Assert.Equal(1, gate.Running);
        Assert.Equal("Trop de rapports sont en cours de production sur ce serveur (1 à la fois et 1 en attente au plus) : votre demande n'a pas été traitée, réessayez dans 30 secondes.", refused.Message);
        Assert.Equal(30, refused.RetryAfterSeconds);
        release.SetResult();
        Assert.Equal(1, await held);
        Assert.Equal(2, await queued);
        Assert.Equal(0, gate.Running);
        Assert.Equal(4, await gate.RunAsync(() => Task.FromResult(4)));
    }

    [Fact]
    public async Task AReportAskedWhileTheOnlyRenderingSlotIsTakenAndNoQueueIsAFrench503WithRetryAfter()
    {
        await using var app = await RunningApp.StartAsync(azurite, settings: new() { ["Cdppe:Reports:MaxConcurrentRenders"] = "1", ["Cdppe:Reports:MaxQueuedRenders"] = "0", ["Cdppe:Reports:RetryAfterSeconds"] = "20" });
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        var dep = TestDepartements.Next().Code;
        await new Services(app.Storage).DropAndIngestAsync(dep, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var release = new TaskCompletionSource<int>();
        var held = app.Services.GetRequiredService<ReportRenderGate>().RunAsync(() => release.Task);
        var report = new Uri($"/api/reports/annual/2022?departement={dep}", UriKind.Relative);

        var busy = await app.Client.GetAsync(report);
        var health = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        release.SetResult(0);
        await held;
        var after = await app.Client.GetAsync(report);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), busy.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await busy.Content.ReadAsStringAsync());
        Assert.Equal("Trop de rapports sont en cours de production sur ce serveur (1 à la fois et 0 en attente au plus) : votre demande n'a pas été traitée, réessayez dans 20 secondes.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
