using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Cdppe.Tests.Portal;

/// <summary>
/// Every page at 1366 px and on phones (390 and 360 px): no sideways scroll, tables in labelled regions the keyboard
/// reaches, a compact header, readable chart labels, axe-core without serious or critical violation. Then the
/// Indicateurs page as people look for one indicator among many (words, code, filters, sort, groups, its own page)
/// and the .xlsx export of tables (numbers as numbers).
/// </summary>
public sealed class PortalLayoutBrowserTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string GlobalKey = "cle-nationale-de-test";

    [ChromiumFact]
    public async Task EveryPageFitsPhonesAndLargeScreensAndPassesAxe()
    {
        await PortalTools.EnsureInstalledAsync();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey);
        var code = await SeedAsync(app);
        using var browser = SignedIn(app);
        var pages = new (string Path, string Ready)[]
        {
            ("/?departement=77&annee=2022", "#date-consolidation"),
            ("/depots?departement=77&annee=2022", "#historique table"),
            ("/modeles?departement=77&annee=2022", "#modele-suivi-mensuel"),
            ("/indicateurs?departement=77&annee=2022", "#liste-indicateurs table"),
            ($"/indicateur?departement=77&annee=2022&code={Uri.EscapeDataString(code)}", "#graphique"),
            ("/rapport?departement=77&annee=2022", "#generer-rapport"),
            ("/national?annee=2022", "main table"),
            ("/aide", "#accessibilite"),
        };

        foreach (var (width, height) in new[] { (1366, 768), (390, 844), (360, 740) })
        {
            browser.Viewport(width, height, mobile: width < 1000);
            foreach (var (path, ready) in pages)
            {
                browser.Open(path);
                browser.WaitFor(ready);
                browser.WaitFor("footer.pied");
                Assert.True(browser.HorizontalOverflow() == 0, $"{path} at {width} px scrolls sideways by {browser.HorizontalOverflow()} px: {browser.BeyondTheWindow()}");
                foreach (var region in browser.Driver.FindElements(By.CssSelector(".tableau")))
                {
                    Assert.Equal("region", region.GetAttribute("role"));
                    Assert.Equal("0", region.GetAttribute("tabindex"));
                    Assert.False(string.IsNullOrWhiteSpace(region.GetAttribute("aria-label")), $"{path}: a table region without a label");
                }

                AssertAccessible(browser, $"{path} at {width} px");
            }

            var header = Convert.ToDouble(browser.Driver.ExecuteScript("return document.querySelector('header.entete').getBoundingClientRect().height"), CultureInfo.InvariantCulture);
            output.WriteLine($"header at {width} px: {header:F0} px high");
            if (width < 1000)
            {
                Assert.True(header <= 200, $"the header takes {header:F0} px of a {height} px phone screen");
            }
        }

        // The chart on a phone: short month labels, none cut, the canvas within the screen.
        browser.Viewport(390, 844, mobile: true);
        browser.Open(pages[4].Path);
        browser.WaitFor("#graphique");
        var labels = (string)browser.Driver.ExecuteScript("return window.Chart.getChart('graphique').scales.x.ticks.map(t => t.label).join(',')")!;
        Assert.StartsWith("janv.", labels, StringComparison.Ordinal);
        Assert.True(Convert.ToDouble(browser.Driver.ExecuteScript("return document.getElementById('graphique').getBoundingClientRect().right"), CultureInfo.InvariantCulture) <= 390);
        browser.Open("/indicateurs?departement=77&annee=2022&groupe=objectif");
        browser.WaitFor("#liste-indicateurs h3");
        browser.Screenshot("indicateurs-telephone");
    }

    [ChromiumFact]
    public async Task IndicatorsAreFoundFilteredSortedGroupedOpenedAndExported()
    {
        await PortalTools.EnsureInstalledAsync();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey);
        var code = await SeedAsync(app);
        using var browser = SignedIn(app);
        browser.Viewport(1366, 768, mobile: false);
        browser.Open("/indicateurs?departement=77&annee=2022");
        var total = Count(browser.WaitForText("#nombre-indicateurs", "indicateurs sur"));
        Assert.True(total > 20, $"{total} indicators");

        // By code, in lower case: the indicator (and any whose code starts the same); the filter is kept in the address.
        browser.Driver.FindElement(By.Id("recherche")).SendKeys(code.ToLowerInvariant());
        browser.Wait(TimeSpan.FromSeconds(10)).Until(d => Count(PortalBrowser.Text(d.FindElement(By.Id("nombre-indicateurs")))) is > 0 and <= 2);
        Assert.Single(browser.Driver.FindElements(By.CssSelector($"#liste-indicateurs tbody a[href$='code={Uri.EscapeDataString(code)}']")));
        Assert.Contains("q=" + Uri.EscapeDataString(code.ToLowerInvariant()), browser.Driver.Url, StringComparison.OrdinalIgnoreCase);
        browser.Driver.FindElement(By.Id("effacer-filtres")).Click();
        browser.WaitForText("#nombre-indicateurs", $"{total} indicateurs sur");

        // By words, without accents: "evaluees" finds « évaluées ».
        browser.Driver.FindElement(By.Id("recherche")).SendKeys("ip evaluees");
        browser.Wait(TimeSpan.FromSeconds(10)).Until(d => Count(PortalBrowser.Text(d.FindElement(By.Id("nombre-indicateurs")))) is var n && n > 0 && n < total);
        var found = Count(PortalBrowser.Text(browser.Driver.FindElement(By.Id("nombre-indicateurs"))));
        // Words are looked for in the label, the reference, the code and the objective.
        Assert.All(Rows(browser), r => Assert.Contains("IP", r[1], StringComparison.Ordinal));
        Assert.Contains(Rows(browser), r => r[1].Contains("évaluées", StringComparison.Ordinal));
        Assert.Equal(found, Rows(browser).Count);
        browser.Driver.FindElement(By.Id("effacer-filtres")).Click();

        // A status, then a status and « with unreliable months ».
        browser.Driver.FindElement(By.CssSelector("#filtre-statut option[value='en retard']")).Click();
        Assert.All(Rows(browser), r => Assert.Equal("en retard", r[3]));
        browser.Driver.FindElement(By.CssSelector("#filtre-statut option[value='']")).Click();
        browser.Driver.FindElement(By.CssSelector("#filtre-fiabilite option[value='avec mois non fiables']")).Click();
        Assert.NotEmpty(Rows(browser));
        Assert.All(Rows(browser), r => Assert.NotEqual("0", r[6]));
        browser.Driver.FindElement(By.CssSelector("#filtre-fiabilite option[value='']")).Click();

        // Sort by a column, twice for the reverse order.
        var column = browser.Driver.FindElements(By.CssSelector("#liste-indicateurs th button.tri")).Single(b => PortalBrowser.Text(b) == "Mois non fiables");
        column.Click();
        column.Click();
        Assert.Equal("descending", browser.Driver.FindElements(By.CssSelector("#liste-indicateurs th"))[6].GetAttribute("aria-sort"));
        var unreliable = Rows(browser).Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(unreliable.OrderDescending(), unreliable);
        Assert.True(unreliable[0] > 0);

        // Grouped by objective: a heading per objective, with its national wording.
        browser.Driver.FindElement(By.CssSelector("#regrouper option[value=objectif]")).Click();
        Assert.Contains(browser.Driver.FindElements(By.CssSelector("#liste-indicateurs h3")).Select(PortalBrowser.Text), h => h.StartsWith("Objectif 6 – Renforcer les moyens", StringComparison.Ordinal));
        Assert.Equal(0L, browser.HorizontalOverflow());
        AssertAccessible(browser, "indicateurs grouped");
        browser.Screenshot("indicateurs");

        // The export: the rows shown, figures as numbers.
        browser.Driver.FindElement(By.CssSelector("#regrouper option[value='']")).Click();
        browser.Driver.FindElement(By.Id("export-xlsx")).Click();
        var workbook = Cells(browser.WaitForDownload("indicateurs-77-2022.xlsx"));
        Assert.Equal("Réf.", workbook["A2"]);
        Assert.Equal("Mois sans valeur", workbook["H2"]);
        // Column B: its header on row 2, then one code per indicator (the caption is in A1 only).
        Assert.Equal(total + 1, workbook.Keys.Count(k => k.StartsWith('B')));
        Assert.Matches("^[0-9]+$", workbook["H3"]);

        // An indicator's own page, with its address.
        browser.Driver.FindElement(By.Id("recherche")).SendKeys(code);
        browser.WaitFor($"#liste-indicateurs tbody a[href$='code={Uri.EscapeDataString(code)}']").Click();
        browser.WaitFor("#graphique");
        Assert.Contains("/indicateur?", browser.Driver.Url, StringComparison.Ordinal);
        Assert.Contains("code=" + Uri.EscapeDataString(code), browser.Driver.Url, StringComparison.Ordinal);
        Assert.Contains("Mois sans valeur : octobre 2022", PortalBrowser.Text(browser.Driver.FindElement(By.Id("contenu"))), StringComparison.Ordinal);
        Assert.Contains(code, PortalBrowser.Text(browser.Driver.FindElement(By.CssSelector(".fiche-indicateur"))), StringComparison.Ordinal);
        browser.Screenshot("indicateur");

        // A table of another page: sorted, then exported with its figures as numbers.
        browser.Open("/national?annee=2022");
        browser.WaitFor("main table");
        browser.Driver.FindElement(By.XPath("//div[contains(@class,'bloc-tableau')][.//caption[normalize-space()='Départements en 2022']]//button[contains(@class,'export-xlsx')]")).Click();
        var national = Cells(browser.WaitForDownload("departements-en-2022.xlsx"));
        Assert.Equal("Budget", national["F2"]);
        Assert.Equal("31117173", national["F3"]);
    }

    /// <summary>The seed's workbooks of 77, consolidated for 2022; the code of a count indicator of the suivi mensuel.</summary>
    private static async Task<string> SeedAsync(RunningApp app)
    {
        var services = new Services(app.Storage);
        await services.DropPlansAsync("77");
        await services.DropAndIngestAsync("77", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("77", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
        Assert.True(Departement.TryParse("77", out var dep));
        await services.Consolidator.ConsolidateAsync(dep.Value, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");
        return SampleWorkbooks.CountIndicators().First().Code;
    }

    private static PortalBrowser SignedIn(RunningApp app)
    {
        var browser = new PortalBrowser(app.Client.BaseAddress!);
        browser.Open("/connexion");
        browser.WaitFor("#cle").SendKeys(GlobalKey);
        browser.Driver.FindElement(By.CssSelector("input[value=national]")).Click();
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        browser.WaitFor("nav.menu");
        return browser;
    }

    private static int Count(string text) => int.Parse(text.Split(' ')[0].Replace("\u00A0", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static List<string[]> Rows(PortalBrowser browser) =>
        browser.Driver.FindElements(By.CssSelector("#liste-indicateurs tbody tr"))
            .Select(tr => tr.FindElements(By.TagName("td")).Select(PortalBrowser.Text).ToArray()).ToList();

    /// <summary>The cells of a workbook's first sheet: numbers as written (invariant), texts from the shared strings.</summary>
    private static Dictionary<string, string> Cells(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return part.WorksheetParts.First().Worksheet.Descendants<Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.CellValue!.Text);
    }

    private void AssertAccessible(PortalBrowser browser, string page)
    {
        var violations = browser.AccessibilityViolations();
        output.WriteLine($"axe on {page}: {violations.Count} serious or critical violation(s)");
        Assert.True(violations.Count == 0, $"{page}: " + string.Join("\n", violations));
    }
}
