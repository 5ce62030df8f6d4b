using System.Text.Json;
using Cdppe.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Cdppe.Tests.Portal;

/// <summary>
/// Headless Chromium driven by chromedriver (both from Debian's packages), with a fresh profile and a download
/// folder of its own; axe-core injected into pages; screenshots for docs/portal.md.
/// </summary>
public sealed class PortalBrowser : IDisposable
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "cdppe-chromium-" + Guid.NewGuid().ToString("N"));

    public PortalBrowser(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Downloads = Path.Combine(profile, "telechargements");
        System.IO.Directory.CreateDirectory(Downloads);
        var options = new ChromeOptions { BinaryLocation = ExternalTools.Find("chromium") ?? "/usr/bin/chromium" };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--window-size=1280,1000", "--lang=fr-FR", $"--user-data-dir={profile}");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        options.AddUserProfilePreference("intl.accept_languages", "fr-FR,fr");
        var driver = ExternalTools.Find("chromedriver") ?? throw new InvalidOperationException("chromedriver is not installed: apt-get install chromium chromium-driver");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
    }

    public Uri BaseAddress { get; }

    public string Downloads { get; }

    public ChromeDriver Driver { get; }

    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(BaseAddress, path));

    public IWebElement WaitFor(string css, TimeSpan? timeout = null) =>
        Wait(timeout ?? TimeSpan.FromSeconds(30)).Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed))!;

    /// <summary>
    /// Waits until an element's text contains <paramref name="text"/>, and returns that text: its <c>textContent</c>,
    /// which keeps the no-break spaces of French numbers (Selenium's <c>Text</c> turns them into spaces).
    /// </summary>
    public string WaitForText(string css, string text, TimeSpan? timeout = null) =>
        Wait(timeout ?? TimeSpan.FromSeconds(60)).Until(d =>
            d.FindElements(By.CssSelector(css)).Select(Text).FirstOrDefault(t => t.Contains(text, StringComparison.Ordinal)))!;

    public static string Text(IWebElement element) => element.GetDomProperty("textContent") ?? string.Empty;

    /// <summary>A wait that retries while the page redraws what it looks at.</summary>
    public WebDriverWait Wait(TimeSpan timeout)
    {
        var wait = new WebDriverWait(Driver, timeout);
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    /// <summary>Waits for a file of that name in the download folder (complete: Chromium writes .crdownload first).</summary>
    public byte[] WaitForDownload(string fileName)
    {
        var path = Path.Combine(Downloads, fileName);
        Wait(TimeSpan.FromSeconds(60)).Until(_ => File.Exists(path) && !File.Exists(path + ".crdownload") && new FileInfo(path).Length > 0);
        return File.ReadAllBytes(path);
    }

    /// <summary>Shows pages as a screen of that size would (a phone when <paramref name="mobile"/>: its viewport rules apply).</summary>
    public void Viewport(int width, int height, bool mobile) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });

    /// <summary>How many pixels the page is wider than the window (0 when it never scrolls sideways).</summary>
    public long HorizontalOverflow() =>
        Convert.ToInt64(Driver.ExecuteScript("return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The elements that reach past the right edge of the window (tag, id, class, right edge), for a failure's message.</summary>
    public string BeyondTheWindow() =>
        (string?)Driver.ExecuteScript("""
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > width + 1)
              .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
              .slice(0, 8)
              .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className} (${getComputedStyle(e).position}) → ${Math.round(e.getBoundingClientRect().right)}`)
              .join('; ');
            """) ?? string.Empty;

    /// <summary>The serious and critical violations axe-core finds on the page (id, impact, elements).</summary>
    public IReadOnlyList<string> AccessibilityViolations()
    {
        Driver.ExecuteScript(File.ReadAllText(PortalTools.AxeScript));
        var json = (string?)Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`))))
              .catch(e => done(JSON.stringify(['axe failed: ' + e])));
            """);
        return JsonSerializer.Deserialize<string[]>(json ?? "[\"axe gave nothing\"]") ?? [];
    }

    /// <summary>Saves a screenshot of the page as docs/images/portal-{name}.png when CDPPE_PORTAL_SCREENSHOTS is set, else in the download folder.</summary>
    public void Screenshot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("CDPPE_PORTAL_SCREENSHOTS") is { Length: > 0 } ? PortalTools.RepositoryPath("docs", "images") : profile;
        System.IO.Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, $"portal-{name}.png"));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            System.IO.Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; the folder is in the temp directory.
        }
    }
}
