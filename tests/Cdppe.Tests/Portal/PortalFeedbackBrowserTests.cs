using System.Drawing;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Cdppe.Tests.Portal;

/// <summary>
/// What the portal says after an action, in a real browser against the standalone host: drops ingested without
/// waiting for the watcher's poll, refusals in the names users know, an identical re-drop recognised, results that
/// stay on screen, template refusals named by the file sent; and the national scope's page with its charts and
/// filters. axe-core checks the pages at 1366 and 390 px wide.
/// </summary>
public sealed class PortalFeedbackBrowserTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string GlobalKey = "cle-nationale-feedback";
    private const string Key77 = "cle-77-feedback";

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Cdppe:Keys:dep77:Key"] = Key77,
        ["Cdppe:Keys:dep77:Departements"] = "77",
    };

    [ChromiumFact]
    public async Task DropsAreImportedAtOnceAndEveryResultIsSaidInUsersWordsAndStays()
    {
        await PortalTools.EnsureInstalledAsync();
        // The watcher polls every ten minutes: a drop is imported in this test only because the drop itself starts it.
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, watchBlobs: true, pollSeconds: 600, settings: Settings());
        using var browser = new PortalBrowser(app.Client.BaseAddress!);
        SignIn(browser, Key77, "77");
        browser.WaitForText("h1", "Accueil – Seine-et-Marne (77)");

        // Before any consolidation nothing is called missing month by month.
        browser.Open("/depots?departement=77&annee=2022");
        browser.WaitFor("#fichiers").SendKeys(string.Join("\n", new[] { "suivi-mensuel-2022.xlsx", "rapport-financier-2022.xlsx", "bad/en-tetes-inconnus.xlsx" }.Select(PortalCorpus.Path)));
        Assert.Contains("importé", Outcome(browser, "suivi-mensuel-2022.xlsx"), StringComparison.Ordinal);
        Assert.Contains("importé", Outcome(browser, "rapport-financier-2022.xlsx"), StringComparison.Ordinal);
        Assert.Contains("refusé", Outcome(browser, "en-tetes-inconnus.xlsx"), StringComparison.Ordinal);

        // « Voir les problèmes » only on a file that has some.
        foreach (var line in browser.Driver.FindElements(By.CssSelector("#envois li")))
        {
            var text = PortalBrowser.Text(line);
            var hasProblems = text.Contains("avertissement", StringComparison.Ordinal) || text.Contains("erreur", StringComparison.Ordinal);
            Assert.True(hasProblems == line.FindElements(By.TagName("button")).Count > 0, text);
        }

        // A workbook of no known kind: the kinds as the Modèles page names them, and the way to the models.
        Line(browser, "en-tetes-inconnus.xlsx").FindElement(By.TagName("button")).Click();
        var problems = browser.WaitForText("#problemes", "Suivi mensuel des indicateurs");
        Assert.Contains("Plan d'action et de financement", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("plan-action,", problems, StringComparison.Ordinal);
        Assert.Contains("/modeles?departement=77", browser.Driver.FindElement(By.CssSelector("#vers-modeles a")).GetAttribute("href"), StringComparison.Ordinal);

        // The same bytes again: recognised, with the earlier import.
        browser.Open("/depots?departement=77&annee=2022");
        browser.WaitFor("#fichiers").SendKeys(PortalCorpus.Path("suivi-mensuel-2022.xlsx"));
        var again = Outcome(browser, "suivi-mensuel-2022.xlsx");
        Assert.Contains("déjà déposé le", again, StringComparison.Ordinal);
        Line(browser, "suivi-mensuel-2022.xlsx").FindElement(By.TagName("button")).Click();
        Assert.Contains("suivi-mensuel-2022.xlsx", browser.WaitForText("#titre-problemes", "suivi"), StringComparison.Ordinal);

        // Accueil: months not consolidated yet are not listed as missing; the result of « Consolider » stays.
        browser.Open("/?departement=77&annee=2022");
        var home = browser.WaitForText("main", "Derniers dépôts");
        Assert.DoesNotContain("mois non consolidé", home, StringComparison.Ordinal);
        AssertAccessible(browser, "accueil 1366");
        browser.WaitFor("#consolider").Click();
        browser.WaitForText("#resultat-action", "onsolidé", TimeSpan.FromSeconds(120));
        browser.Wait(TimeSpan.FromSeconds(120)).Until(d => d.FindElement(By.Id("consolider")).Enabled);
        browser.Driver.FindElement(By.Id("consolider")).Click();
        browser.WaitForText("#resultat-action", "Tout était déjà consolidé.", TimeSpan.FromSeconds(120));
        // The page drawn again after the action (a new button) keeps its result.
        browser.Wait(TimeSpan.FromSeconds(120)).Until(d => d.FindElement(By.Id("consolider")).Enabled);
        Assert.Contains("Tout était déjà consolidé.", PortalBrowser.Text(browser.Driver.FindElement(By.Id("resultat-action"))), StringComparison.Ordinal);

        // A template refused before it was installed: named by the file sent, each problem once, in words.
        browser.Open("/rapport?departement=77&annee=2022");
        var broken = Path.Combine(browser.Downloads, "mon-modele.docx");
        await File.WriteAllBytesAsync(broken, Docx.Create(Docx.P("Rapport {{annee}} : {{inconnuTag}} et {{inconnuTag}}")));
        browser.WaitFor("#nouveau-modele").SendKeys(broken);
        browser.Driver.FindElement(By.CssSelector("#modele form button[type=submit]")).Click();
        var errors = browser.WaitForText("#erreurs-modele", "inconnuTag");
        var refusal = PortalBrowser.Text(browser.Driver.FindElement(By.CssSelector("#modele [role=alert]")));
        Assert.Contains("« mon-modele.docx »", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("templates/77", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("supprimez-le", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("balise-inconnue", refusal, StringComparison.Ordinal);
        var items = browser.Driver.FindElements(By.CssSelector("#erreurs-modele li")).Select(PortalBrowser.Text).ToList();
        Assert.Equal(items.Count, items.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("{{inconnuTag}}", errors, StringComparison.Ordinal);
        AssertAccessible(browser, "rapport 1366");

        browser.Driver.Manage().Window.Size = new Size(390, 844);
        browser.Open("/?departement=77&annee=2022");
        browser.WaitForText("main", "Derniers dépôts");
        AssertAccessible(browser, "accueil 390");
    }

    [ChromiumFact]
    public async Task TheNationalScopeLandsOnItsPageWithChartsFiltersAndTheMonthOfEachFigure()
    {
        await PortalTools.EnsureInstalledAsync();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings());
        var services = new Services(app.Storage);
        await services.DropAndIngestAsync("77", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("93", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("93", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
        using var browser = new PortalBrowser(app.Client.BaseAddress!);

        browser.Open("/connexion");
        browser.WaitFor("#cle").SendKeys(GlobalKey);
        browser.Driver.FindElement(By.CssSelector("input[value=national]")).Click();
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        var page = browser.WaitForText("main", "Comparaison des départements");
        Assert.Equal("/national", new Uri(browser.Driver.Url).AbsolutePath);
        Assert.Contains("Suivi national 2022", page, StringComparison.Ordinal);
        // Each figure says its month or its year.
        var months = PortalBrowser.Text(browser.Driver.FindElement(By.Id("mois-figures")));
        Assert.Matches("Indicateurs : valeurs jusqu\u2019(à|au) .*2022", months);
        Assert.Contains("rapport financier 2022", months, StringComparison.Ordinal);
        foreach (var chart in new[] { "graphique-budget", "graphique-statuts", "graphique-completude" })
        {
            Assert.Equal(2L, browser.Driver.ExecuteScript($"return window.Chart.getChart('{chart}').data.labels.length"));
        }

        AssertAccessible(browser, "national 1366");

        // Filters: the charts and the table follow them.
        browser.Driver.FindElement(By.Id("filtre-departement")).SendKeys("Seine-Saint");
        Assert.Contains("1 département affiché sur 2", browser.WaitForText("#nombre-departements", "sur 2"), StringComparison.Ordinal);
        Assert.Equal("93 Seine-Saint-Denis", browser.Driver.ExecuteScript("return window.Chart.getChart('graphique-budget').data.labels.join(',')"));

        // Drill-down keeps the year.
        Assert.Contains("annee=2022", browser.Driver.FindElement(By.LinkText("93 – Seine-Saint-Denis")).GetAttribute("href"), StringComparison.Ordinal);

        browser.Driver.Manage().Window.Size = new Size(390, 844);
        browser.Open("/national?annee=2022");
        browser.WaitForText("main", "Comparaison des départements");
        AssertAccessible(browser, "national 390");
    }

    private static void SignIn(PortalBrowser browser, string key, string departement)
    {
        browser.Open("/connexion");
        browser.WaitFor("#cle").SendKeys(key);
        browser.Driver.FindElement(By.Id("departement")).SendKeys(departement);
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
    }

    private static IWebElement Line(PortalBrowser browser, string fileName) =>
        browser.Driver.FindElements(By.CssSelector("#envois li")).Single(li => PortalBrowser.Text(li).Contains(fileName, StringComparison.Ordinal));

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
