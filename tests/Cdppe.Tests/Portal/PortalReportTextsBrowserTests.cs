using System.Xml.Linq;
using Cdppe.Pipeline.Reporting.Texts;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using OpenQA.Selenium;
using static Cdppe.Tests.Reporting.Texts.ReportEdits;

namespace Cdppe.Tests.Portal;

/// <summary>The portal's Rapport page lists each place of the report with its last change and its author, and keeps the texts of a completed report dropped on it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalReportTextsBrowserTests(AzuriteFixture azurite)
{
    private const string Key = "cle-textes-rapport";

    [ChromiumFact]
    public async Task TheRapportPageListsEachPlaceWithItsLastChangeAndKeepsAnUploadedReport()
    {
        await PortalTools.EnsureInstalledAsync();
        var dep = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: "cle-globale-textes", settings: new()
        {
            ["Cdppe:Keys:textes:Key"] = Key,
            ["Cdppe:Keys:textes:Departements"] = dep.Code,
        });
        var services = new Services(app.Storage);
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropPlansAsync(dep.Code);
        var report = (await services.Reports.GenerateAsync(dep, 2022))!.Content;
        await services.Get<ReportTexts>().UploadAsync(dep, 2022, Fill(report, new Dictionary<string, XElement[]> { ["introduction"] = [P(R("Une année marquée par la cyberattaque."))] }), "rapport-complete.docx", "Service ASE");
        using var browser = new PortalBrowser(app.Client.BaseAddress!);

        browser.Open($"/rapport?departement={dep.Code}&annee=2022");
        browser.WaitFor("#cle").SendKeys(Key);
        browser.Driver.FindElement(By.Id("departement")).SendKeys(dep.Code);
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        browser.WaitForText("#textes", "Zones de texte");

        Assert.Equal(50, Rows(browser).Count);
        var introduction = Row(browser, "Introduction : contexte de l'année");
        Assert.Matches(@"^\d{1,2} \p{L}+ 2\d{3} à \d{2}:\d{2}, Service ASE \(rapport-complete\.docx\)$", introduction[1]);
        Assert.Equal("Une année marquée par la cyberattaque.", introduction[2]);
        Assert.Equal(("aucun texte", string.Empty), (Row(browser, "Commentaire – fiche 9")[1], Row(browser, "Commentaire – fiche 9")[2]));

        var completed = Path.Combine(browser.Downloads, "rapport-fiche-9.docx");
        await File.WriteAllBytesAsync(completed, Fill(report, new Dictionary<string, XElement[]> { ["fiche-9"] = [P(R("Le partenariat a été suivi chaque trimestre."))] }));
        browser.Driver.FindElement(By.Id("rapport-complete")).SendKeys(completed);
        browser.Driver.FindElement(By.CssSelector("#textes form button[type=submit]")).Click();

        Assert.Contains("1 texte conservé : il sera repris à chaque génération du rapport.", browser.WaitForText("#textes", "1 texte conservé"), StringComparison.Ordinal);
        var fiche = Row(browser, "Commentaire – fiche 9");
        Assert.EndsWith("(rapport-fiche-9.docx)", fiche[1], StringComparison.Ordinal);
        Assert.Equal("Le partenariat a été suivi chaque trimestre.", fiche[2]);
        Assert.EndsWith("Service ASE (rapport-complete.docx)", Row(browser, "Introduction : contexte de l'année")[1], StringComparison.Ordinal);
    }

    private static List<IWebElement> Rows(PortalBrowser browser) => browser.Driver.FindElements(By.CssSelector("#textes tbody tr")).ToList();

    private static List<string> Row(PortalBrowser browser, string title) =>
        Rows(browser).Select(r => r.FindElements(By.CssSelector("th, td")).Select(c => PortalBrowser.Text(c).Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim()).ToList()).Single(cells => cells[0] == title);
}
