using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cdppe.Functions.Portal;

namespace Cdppe.Tests.Portal;

/// <summary>The pages and scripts embedded in the app: French, no inline script or style, text never parsed as HTML, Chart.js as locked.</summary>
public sealed partial class PortalAssetsTests
{
    [Fact]
    public void EveryPageIsFrenchAndLoadsOnlyScriptsAndStylesOfTheApp()
    {
        Assert.Equal(10, PortalAssets.Pages.Count);
        foreach (var (route, file) in PortalAssets.Pages)
        {
            var html = System.Text.Encoding.UTF8.GetString(PortalAssets.Page(route)!.Content);
            Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(ForeignSource(), html);
            Assert.Contains($"/assets/{Path.GetFileNameWithoutExtension(file)}.js", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ScriptsNeverWriteHtmlNorEvaluateText()
    {
        var scripts = PortalAssets.Files.Where(f => f.Key.EndsWith(".js", StringComparison.Ordinal) && !f.Key.Contains("/vendor/", StringComparison.Ordinal)).ToList();
        Assert.True(scripts.Count >= 8);
        foreach (var (name, asset) in scripts)
        {
            var code = System.Text.Encoding.UTF8.GetString(asset.Content);
            foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", ".style." })
            {
                Assert.False(code.Contains(sink, StringComparison.Ordinal), $"{name} uses {sink}");
            }
        }
    }

    [Fact]
    public async Task VendoredChartJsIsTheFileOfTheLockedPackage()
    {
        await PortalTools.EnsureInstalledAsync();
        var locked = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PortalTools.Directory, "package-lock.json")))!["packages"]!;
        Assert.Equal("4.6.1", (string?)locked["node_modules/chart.js"]!["version"]);
        Assert.Equal("4.14.1", (string?)locked["node_modules/axe-core"]!["version"]);
        Assert.Equal(await File.ReadAllBytesAsync(PortalTools.ChartJs), PortalAssets.Find("assets/vendor/chart.js/chart.umd.min.js")!.Content);
        Assert.NotNull(PortalAssets.Find("assets/vendor/chart.js/LICENSE.md"));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignSource();
}
