using System.Diagnostics;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Cdppe.Tests.Portal;

/// <summary>
/// The portal in a real browser (headless Chromium) against the standalone host on Azurite, as a département's
/// staff and a State reviewer use it: sign in, drop workbooks, read a refused file's errors, download its annotated
/// copy, open an indicator's chart, download the report, stay within the département, follow every département.
/// axe-core checks every page. An Azurite of its own: the national page lists every département there is.
/// </summary>
public sealed class PortalBrowserTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string GlobalKey = "cle-nationale-de-test";
    private const string Key77 = "cle-77-de-test";

    private static readonly string[] Workbooks =
    [
        "plan-action-2020-2022.xlsx", "tableau-de-bord-2020.xlsx", "rapport-financier-2022.xlsx", "bilans-fiches-2022.xlsx", "suivi-mensuel-2022.xlsx",
    ];

    private const string RefusedWorkbook = "bad/rapport-financier-div0.xlsx";

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Cdppe:Keys:dep77:Key"] = Key77,
        ["Cdppe:Keys:dep77:Departements"] = "77",
    };

    [ChromiumFact]
    public async Task DepartementStaffDropFollowReadErrorsSeeIndicatorsAndGetTheReport()
    {
        await PortalTools.EnsureInstalledAsync();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, watchBlobs: true, settings: Settings());
        await new Services(app.Storage).DropAndIngestAsync("93", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        // A file name that is markup: every page must show it as text.
        await new Services(app.Storage).DropAndIngestAsync("77", "<img src=x onerror=alert(1)>.xlsx", SampleWorkbooks.SyntheseObjectifs());
        using var browser = new PortalBrowser(app.Client.BaseAddress!);

        // Sign in: a page without a session sends to the sign-in page, which comes back to it.
        browser.Open("/depots?departement=77");
        browser.WaitFor("#cle");
        Assert.Contains("/connexion?retour=", browser.Driver.Url, StringComparison.Ordinal);
        AssertAccessible(browser, "connexion");
        browser.Screenshot("connexion");
        browser.Driver.FindElement(By.Id("cle")).SendKeys(Key77);
        browser.Driver.FindElement(By.Id("departement")).SendKeys("77");
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        browser.WaitForText("h1", "Dépôts – Seine-et-Marne (77)");
        Assert.Equal("fr", browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.DoesNotContain(browser.Driver.Manage().Cookies.AllCookies, c => c.Name == "cdppe-session" && !c.IsHttpOnly);

        // Drop five good workbooks and a refused one at once; each goes reçu → importé / refusé.
        var files = Workbooks.Append(RefusedWorkbook).Select(PortalCorpus.Path);
        browser.Driver.FindElement(By.Id("fichiers")).SendKeys(string.Join("\n", files));
        foreach (var name in Workbooks)
        {
            Assert.Contains("importé", Outcome(browser, name), StringComparison.Ordinal);
        }

        Assert.Contains("refusé", Outcome(browser, "rapport-financier-div0.xlsx"), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>.xlsx", browser.WaitForText("#historique", "<img"), StringComparison.Ordinal);

        // The refused file's problems: the cell, what was seen, the French message; filtered by severity.
        browser.Driver.FindElements(By.CssSelector("#envois li")).Single(li => PortalBrowser.Text(li).Contains("rapport-financier-div0.xlsx", StringComparison.Ordinal))
            .FindElement(By.TagName("button")).Click();
        var problems = browser.WaitForText("#problemes table", "K6");
        Assert.Contains("contient une erreur de formule", problems, StringComparison.Ordinal);
        browser.Driver.FindElement(By.CssSelector("#filtre-gravite option[value=erreur]")).Click();
        Assert.All(browser.Driver.FindElements(By.CssSelector("#problemes tbody tr")), row => Assert.StartsWith("erreur", PortalBrowser.Text(row), StringComparison.Ordinal));
        AssertAccessible(browser, "depots");
        browser.Screenshot("depots");

        // Its annotated copy: a workbook with a note on the faulty cell.
        browser.Driver.FindElement(By.Id("copie-annotee")).Click();
        var annotated = browser.WaitForDownload("annote-rapport-financier-div0.xlsx");
        Assert.Equal((byte)'P', annotated[0]);

        // Accueil: consolidate now, then what the 2022 report still misses (October has no value in the sample).
        browser.Driver.FindElement(By.LinkText("Accueil")).Click();
        browser.WaitFor("#consolider").Click();
        browser.WaitForText("#date-consolidation", "Dernière consolidation", TimeSpan.FromSeconds(120));
        var home = browser.WaitForText("main", "octobre 2022");
        Assert.Contains("Budget prévu 2020-2022", home, StringComparison.Ordinal);
        Assert.Contains("31\u00A0117\u00A0173\u00A0€", home, StringComparison.Ordinal);
        Assert.Contains("Valeurs déclarées non fiables", home, StringComparison.Ordinal);
        AssertAccessible(browser, "accueil");
        browser.Screenshot("accueil");

        // First page measured once: the Accueil with its data, signed in, on the standalone host.
        var clock = Stopwatch.StartNew();
        browser.Open("/?departement=77&annee=2022");
        browser.WaitForText("main", "Derniers dépôts");
        output.WriteLine($"Accueil with its data: {clock.ElapsedMilliseconds} ms");

        // Indicateurs: found by its code, then its own page with its chart (Chart.js, served by the app) and its months, the gap visible.
        browser.Driver.FindElement(By.LinkText("Indicateurs")).Click();
        var code = SampleWorkbooks.CountIndicators().First().Code;
        browser.WaitFor("#recherche").SendKeys(code);
        browser.WaitFor($"#liste-indicateurs tbody a[href$='code={Uri.EscapeDataString(code)}']").Click();
        browser.WaitFor("#graphique");
        Assert.Equal(true, browser.Driver.ExecuteScript("return window.Chart !== undefined && window.Chart.getChart('graphique') !== undefined"));
        Assert.Contains("Mois sans valeur : octobre 2022", browser.WaitForText("main", "octobre 2022"), StringComparison.Ordinal);
        // A count of the suivi mensuel is a context series, without a target: no target line, nor its legend.
        Assert.Equal("Valeur", browser.Driver.ExecuteScript("return window.Chart.getChart('graphique').data.datasets.map(d => d.label).join(',')"));
        Assert.DoesNotContain("cible", browser.Driver.FindElement(By.Id("graphique")).GetAttribute("aria-label"), StringComparison.Ordinal);
        AssertAccessible(browser, "indicateur");
        browser.Driver.Navigate().Back();
        browser.WaitFor("#export-csv").Click();
        Assert.Equal(0xEF, browser.WaitForDownload("indicateurs-77-2022.csv")[0]);

        // Modèles: the suivi-mensuel workbook pre-filled for the département.
        browser.Driver.FindElement(By.LinkText("Modèles")).Click();
        browser.WaitFor("#modele-suivi-mensuel").Click();
        Assert.Equal((byte)'P', browser.WaitForDownload("modele-suivi-mensuel-77-2022.xlsx")[0]);
        AssertAccessible(browser, "modeles");

        // Rapport: generated and downloaded; a replacement template with an unknown tag is refused with its errors.
        browser.Driver.FindElement(By.LinkText("Rapport")).Click();
        browser.WaitFor("#generer-rapport").Click();
        var report = browser.WaitForDownload("rapport-execution-77-2022.docx");
        Assert.Empty(Docx.Errors(report));
        var broken = Path.Combine(browser.Downloads, "modele-casse.docx");
        await File.WriteAllBytesAsync(broken, Docx.Create(Docx.P("Rapport {{annee}} de {{departement.nom}} : {{budjet.total}}")));
        browser.Driver.FindElement(By.Id("nouveau-modele")).SendKeys(broken);
        browser.Driver.FindElement(By.CssSelector("#modele form button[type=submit]")).Click();
        Assert.Contains("budjet", browser.WaitForText("#erreurs-modele", "budjet"), StringComparison.Ordinal);
        Assert.Contains("modèle intégré", PortalBrowser.Text(browser.Driver.FindElement(By.Id("modele"))), StringComparison.Ordinal);
        AssertAccessible(browser, "rapport");
        browser.Screenshot("rapport");

        // 77 never sees 93: not in a page, not through the API, no national page.
        browser.Open("/?departement=93&annee=2022");
        Assert.Contains("Votre accès ne couvre pas le département 93.", browser.WaitForText("main", "93"), StringComparison.Ordinal);
        var status = browser.Driver.ExecuteAsyncScript("const done = arguments[arguments.length - 1]; fetch('/api/portal/drops?departement=93').then(r => done(r.status));");
        Assert.Equal(403L, status);
        Assert.Empty(browser.Driver.FindElements(By.LinkText("National")));
        browser.Open("/national");
        Assert.Contains("réservée aux services de l'État", browser.WaitForText("main", "réservée"), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task StateReviewerFollowsEveryDepartementAndDrillsIntoOne()
    {
        await PortalTools.EnsureInstalledAsync();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings());
        var services = new Services(app.Storage);
        await services.DropAndIngestAsync("77", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("93", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("93", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
        using var browser = new PortalBrowser(app.Client.BaseAddress!);

        // A scoped key cannot open the national scope.
        browser.Open("/connexion");
        browser.WaitFor("#cle").SendKeys(Key77);
        browser.Driver.FindElement(By.CssSelector("input[value=national]")).Click();
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        // The same words as for an unknown key: the page never tells whether a key exists.
        Assert.Contains("Clé d'accès invalide, ou qui ne donne pas accès à ce périmètre.", browser.WaitForText("[role=alert]", "périmètre"), StringComparison.Ordinal);

        var cle = browser.Driver.FindElement(By.Id("cle"));
        cle.Clear();
        cle.SendKeys(GlobalKey);
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        browser.WaitFor("nav.menu");
        browser.Driver.FindElement(By.LinkText("National")).Click();
        var page = browser.WaitForText("main", "Seine-Saint-Denis");
        Assert.Contains("Suivi national 2022", page, StringComparison.Ordinal);
        Assert.Contains("77 – Seine-et-Marne", page, StringComparison.Ordinal);
        // National totals: twice the seed's budget global (31 117 173 €).
        Assert.Contains("62\u00A0234\u00A0346\u00A0€", page, StringComparison.Ordinal);
        Assert.Contains("2/5 (40\u00A0%)", page, StringComparison.Ordinal);
        AssertAccessible(browser, "national");
        browser.Screenshot("national");

        browser.Driver.FindElement(By.LinkText("93 – Seine-Saint-Denis")).Click();
        Assert.Contains("Accueil – Seine-Saint-Denis (93)", browser.WaitForText("h1", "93"), StringComparison.Ordinal);
        AssertAccessible(browser, "accueil-national");
    }

    /// <summary>The line of a sent file once its ingestion is over (importé or refusé).</summary>
    private static string Outcome(PortalBrowser browser, string fileName) =>
        browser.Wait(TimeSpan.FromSeconds(180)).Until(d =>
            d.FindElements(By.CssSelector("#envois li")).Select(PortalBrowser.Text)
                .FirstOrDefault(t => t.Contains(fileName, StringComparison.Ordinal) && (t.Contains("importé", StringComparison.Ordinal) || t.Contains("refusé", StringComparison.Ordinal))))!;

    private void AssertAccessible(PortalBrowser browser, string page)
    {
        var violations = browser.AccessibilityViolations();
        output.WriteLine($"axe on {page}: {violations.Count} serious or critical violation(s)");
        Assert.True(violations.Count == 0, $"{page}: " + string.Join("\n", violations));
    }
}
