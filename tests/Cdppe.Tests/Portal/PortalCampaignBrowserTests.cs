using Cdppe.Samples;
using Cdppe.Tests.Support;
using OpenQA.Selenium;

namespace Cdppe.Tests.Portal;

/// <summary>
/// A whole round of the campaign in a real browser: 77 transmits; the State's reviewer downloads the package, moves it
/// to en instruction, asks for corrections with a remark on fiche 9; 77 sees the remark on Indicateurs and on its
/// Accueil, transmits again; the reviewer validates. Each step shows its author; the first package stays the same.
/// </summary>
public sealed class PortalCampaignBrowserTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string OperatorKey = "cle-operateur-navigateur";
    private const string Key77 = "cle-77-campagne";
    private const string ReviewerKey = "cle-etat-campagne";

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Cdppe:Keys:seine77:Key"] = Key77,
        ["Cdppe:Keys:seine77:Departements"] = "77",
        ["Cdppe:Keys:revueEtat:Key"] = ReviewerKey,
        ["Cdppe:Keys:revueEtat:Role"] = "National",
    };

    private static void SignIn(PortalBrowser browser, string key, string? departement)
    {
        browser.Open("/connexion");
        browser.WaitFor("#cle").SendKeys(key);
        if (departement is null)
        {
            browser.Driver.FindElement(By.CssSelector("input[name=perimetre][value=national]")).Click();
        }
        else
        {
            browser.Driver.FindElement(By.Id("departement")).SendKeys(departement);
        }

        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        browser.WaitFor("nav.menu");
    }

    private static void Review(PortalBrowser browser, string state, string? part = null, string? text = null)
    {
        browser.Open("/campagne?departement=77&annee=2022");
        var select = browser.WaitFor("#etat-revue");
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].value = arguments[1];", select, state);
        if (part is not null)
        {
            browser.Driver.FindElement(By.Id("partie-remarque")).SendKeys(part);
            browser.Driver.FindElement(By.Id("texte-remarque")).SendKeys(text ?? string.Empty);
        }

        browser.Driver.FindElement(By.Id("enregistrer-revue")).Click();
        browser.WaitForText("#message-campagne", "Revue enregistrée.");
    }

    [ChromiumFact]
    public async Task AWholeRoundWithTheStateShowsEachAuthorAndKeepsTheFirstPackage()
    {
        await PortalTools.EnsureInstalledAsync();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: OperatorKey, settings: Settings());
        var services = new Services(app.Storage);
        await services.DropPlansAsync("77");
        await services.DropAndIngestAsync("77", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        using var staff = new PortalBrowser(app.Client.BaseAddress!);
        using var reviewer = new PortalBrowser(app.Client.BaseAddress!);

        // 77 transmits.
        SignIn(staff, Key77, "77");
        staff.Open("/campagne?departement=77&annee=2022");
        staff.WaitFor("#transmettre").Click();
        staff.WaitForText("#message-campagne", "Transmis : paquet 2022-77-01-", TimeSpan.FromMinutes(3));
        var firstRound = staff.WaitForText("table", "seine77");
        Assert.Contains("seine77 (Département)", firstRound, StringComparison.Ordinal);

        // The report as PDF is in the package, or named as missing with the reason: never a silent gap.
        Assert.Contains("rapport-execution-77-2022.pdf", firstRound, StringComparison.Ordinal);

        // The State's reviewer opens the package, moves it to en instruction, then asks for corrections on fiche 9.
        SignIn(reviewer, ReviewerKey, null);
        reviewer.Open("/campagne?departement=77&annee=2022");
        var link = reviewer.WaitFor("#paquet-1");
        var id = new Uri(link.GetAttribute("href")!).AbsolutePath.Split('/')[^1];
        link.Click();
        var first = reviewer.WaitForDownload($"cdppe-{id}.zip");
        Review(reviewer, "en-instruction");
        reviewer.WaitForText(".chapeau", "en instruction");
        Review(reviewer, "a-completer", "fiche-9", "Le taux de la fiche 9 ne correspond pas au bilan.");
        reviewer.WaitForText(".chapeau", "à compléter");

        // 77 sees the remark on fiche 9 (Indicateurs) and on its Accueil, then transmits again.
        staff.Open("/indicateurs?departement=77&annee=2022");
        Assert.Contains("fiche 9 : Le taux de la fiche 9 ne correspond pas au bilan.", staff.WaitForText("#remarques-en-cours li[data-partie='fiche-9']", "fiche 9"), StringComparison.Ordinal);
        staff.Open("/?departement=77&annee=2022");
        Assert.Contains("revueEtat", staff.WaitForText("#remarques-en-cours", "fiche 9"), StringComparison.Ordinal);
        staff.Open("/campagne?departement=77&annee=2022");
        staff.WaitFor("#transmettre").Click();
        staff.WaitForText("#message-campagne", "(tour 2)", TimeSpan.FromMinutes(3));

        // The reviewer validates; the journal names each author; the first package is the same bytes.
        Review(reviewer, "valide");
        var journal = reviewer.WaitForText("table", "Validé".ToLowerInvariant());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campagnes/2022/transmissions/{id}?departement=77");
        request.Headers.Add("x-functions-key", OperatorKey);
        var again = await app.Client.SendAsync(request);

        Assert.Contains("revueEtat", journal, StringComparison.Ordinal);
        Assert.Contains("seine77", journal, StringComparison.Ordinal);
        Assert.Contains("validé", reviewer.WaitForText(".chapeau", "validé"), StringComparison.Ordinal);
        Assert.Equal(first, await again.Content.ReadAsByteArrayAsync());
    }

    [ChromiumFact]
    public async Task WithoutAPdfConverterTheRoundSaysThePdfIsMissingAndWhy()
    {
        await PortalTools.EnsureInstalledAsync();
        var dep = TestDepartements.Next().Code;
        var settings = new Dictionary<string, string?>
        {
            ["Cdppe:Keys:equipe:Key"] = Key77,
            ["Cdppe:Keys:equipe:Departements"] = dep,
            ["Cdppe:Pdf:SofficePath"] = "/nonexistent/soffice",
        };
        await using var app = await RunningApp.StartAsync(azurite, apiKey: OperatorKey, settings: settings);
        await new Services(app.Storage).DropAndIngestAsync(dep, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        using var staff = new PortalBrowser(app.Client.BaseAddress!);

        SignIn(staff, Key77, dep);
        staff.Open($"/campagne?departement={dep}&annee=2022");
        staff.WaitFor("#transmettre").Click();
        var message = staff.WaitForText("#message-campagne", "Transmis : paquet ", TimeSpan.FromMinutes(3));
        var missing = staff.WaitFor($"li.manquant[data-fichier='rapport-execution-{dep}-2022.pdf']");

        const string Reason = "Le rapport au format PDF manque à ce paquet : aucun convertisseur PDF n'est disponible sur ce serveur";
        Assert.Contains($"rapport-execution-{dep}-2022.pdf absent : {Reason}", message, StringComparison.Ordinal);
        Assert.StartsWith($"rapport-execution-{dep}-2022.pdf absent : {Reason}", PortalBrowser.Text(missing), StringComparison.Ordinal);
        Assert.Contains($"rapport-execution-{dep}-2022.docx — SHA-256 ", staff.WaitForText("table", "SHA-256"), StringComparison.Ordinal);
    }
}
