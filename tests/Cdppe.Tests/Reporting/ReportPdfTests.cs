using System.Diagnostics;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using Xunit.Abstractions;

namespace Cdppe.Tests.Reporting;

/// <summary>
/// The 41-fiche report as a reader gets it: converted to PDF by LibreOffice, its text read back with pdftotext.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ReportPdfTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>Converts <paramref name="docx"/> with LibreOffice (a profile of its own) and returns the PDF's text, pages split by form feeds.</summary>
    public static async Task<(string Pdf, string Text)> ConvertAsync(byte[] docx, string folder)
    {
        var source = Path.Combine(folder, "rapport.docx");
        await File.WriteAllBytesAsync(source, docx);
        await RunAsync(ExternalTools.Find("soffice") ?? "soffice", $"-env:UserInstallation=file://{folder}/profile --headless --convert-to pdf --outdir {folder} {source}");
        var pdf = Path.Combine(folder, "rapport.pdf");
        await RunAsync(ExternalTools.Find("pdftotext") ?? "pdftotext", $"-layout {pdf} {folder}/rapport.txt");
        return (pdf, await File.ReadAllTextAsync(Path.Combine(folder, "rapport.txt")));
    }

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} exited with {process.ExitCode}: {await error}");
    }

    [LibreOfficeFact]
    public async Task ThePdfPrintsFrenchNumbersOrdinalsTheReferencePartsAndEveryObjectiveOfAFiche()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
        await services.Consolidator.ConsolidateAsync(dep, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");
        await services.DropPlansAsync(dep.Code);
        var report = await services.Reports.GenerateAsync(dep, 2022);
        var folder = Directory.CreateTempSubdirectory("cdppe-pdf-").FullName;
        try
        {
            var (_, text) = await ConvertAsync(report!.Content, folder);
            var pages = text.Split('\f').Select(p => p.Replace('\u00A0', ' ').Replace('\u202F', ' ')).ToList();
            var all = string.Join('\n', pages);
            output.WriteLine($"{pages.Count} pages");

            // Charts in fr-FR, whatever the machine's locale: the budget chart's values and axis, the rates' axis.
            Assert.DoesNotMatch(EnglishThousands(), all);
            Assert.DoesNotMatch(EnglishPercent(), all);
            var chartPage = pages.Single(p => p.Contains("Budget prévu et consommé 2020-2022 par engagement", StringComparison.Ordinal));
            Assert.Contains("12 594 290 €", chartPage, StringComparison.Ordinal);
            Assert.Contains("8 677 102 €", chartPage, StringComparison.Ordinal);

            // Ordinals in superscript (pdftotext reads them back as plain letters), never the source's marks.
            Assert.DoesNotContain("^{", all, StringComparison.Ordinal);
            Assert.Contains("au 1er septembre 2020", all, StringComparison.Ordinal);
            Assert.Contains("(4ème trimestre 2021)", all, StringComparison.Ordinal);

            // The reference parts, with the page of each fiche filled in by the conversion.
            Assert.Contains("Objectifs de la contractualisation", all, StringComparison.Ordinal);
            Assert.Contains("Le Département s'est engagé dans les objectifs facultatifs suivants : 13, 15, 16, 23, 24, 25 et 26.", Regex.Replace(all, @"\s+", " "), StringComparison.Ordinal);
            Assert.Contains("Synthèse par engagement", all, StringComparison.Ordinal);
            var list = pages.First(p => p.Contains("Liste des fiches actions", StringComparison.Ordinal));
            var firstRow = Regex.Match(list, @"^\s*1\s+Formaliser.*?(\d+)\s*$", RegexOptions.Multiline);
            Assert.True(firstRow.Success, list);
            Assert.Contains("Fiche action 1 – ", pages[int.Parse(firstRow.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1], StringComparison.Ordinal);

            // Fiche 17 names its two objectives, 9 and 16.
            var fiche17 = pages.First(p => p.Contains("Fiche action 17 – ", StringComparison.Ordinal));
            Assert.Contains("Objectif 9 : ", fiche17, StringComparison.Ordinal);
            Assert.Contains("Objectif 16 : ", fiche17, StringComparison.Ordinal);

            // Few near-empty pages: fiches follow one another, so a fiche's last lines do not stand alone on a page
            // (13 pages of 4 to 10 lines when each fiche started a page). The cover is short by design. Rows kept
            // whole and the end of a landscape part leave a few short pages (3 in the 2022 report of 77).
            var lines = pages.Select(p => p.Split('\n').Count(l => l.Trim().Length > 0)).ToList();
            foreach (var (count, index) in lines.Select((n, i) => (n, i)).Skip(1).SkipLast(1).Where(x => x.n <= 10))
            {
                output.WriteLine($"page {index + 1}, {count} lines:\n{pages[index]}");
            }

            Assert.True(lines.Skip(1).SkipLast(1).Count(n => n <= 10) <= 3, $"{lines.Skip(1).SkipLast(1).Count(n => n <= 10)} pages of 10 lines or fewer");

            // Table headers never cut inside a word.
            Assert.DoesNotContain("consomm\n", all, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\bconsomm\s*\n\s*é\b", all);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [LibreOfficeFact]
    public async Task NoPageEndsWithAHeadingOrATableHeaderRow()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
        await services.Consolidator.ConsolidateAsync(dep, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");
        await services.DropPlansAsync(dep.Code);
        var report = await services.Reports.GenerateAsync(dep, 2022);
        var (headings, headerRows) = HeadingsAndHeaderRows(report!.Content);
        Assert.Contains("Fiche action 1 – Formaliser", string.Join('\n', headings), StringComparison.Ordinal);
        Assert.Contains(headerRows, r => r.SetEquals(["Année", "Département", "FIR", "État", "ONDAM", "Total"]));
        var folder = Directory.CreateTempSubdirectory("cdppe-pdf-").FullName;
        try
        {
            var (_, text) = await ConvertAsync(report.Content, folder);
            var pages = text.Split('\f').Where(p => p.Trim().Length > 0).ToList();
            output.WriteLine($"{pages.Count} pages");
            var failures = new List<string>();
            for (var i = 0; i < pages.Count; i++)
            {
                // The page's last line of text, its running footer and page number left out.
                var last = pages[i].Split('\n').Select(Collapse).Where(l => l.Length > 0 && !l.StartsWith("CDPPE", StringComparison.Ordinal) && !PageNumber().IsMatch(l)).LastOrDefault();
                if (last is null)
                {
                    continue;
                }

                var words = last.Split(' ').ToHashSet(StringComparer.Ordinal);
                if (headings.Any(h => h == last || (last.Length >= 8 && (h.StartsWith(last, StringComparison.Ordinal) || h.EndsWith(last, StringComparison.Ordinal)))))
                {
                    failures.Add($"page {i + 1} ends with a heading: {last}");
                }
                else if (words.Count >= 2 && headerRows.Any(r => words.IsSubsetOf(r)))
                {
                    failures.Add($"page {i + 1} ends with a table header row: {last}");
                }
            }

            Assert.Empty(failures);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The texts of the headings (whitespace collapsed) and the words of the table header rows of a .docx.</summary>
    private static (List<string> Headings, List<HashSet<string>> HeaderRows) HeadingsAndHeaderRows(byte[] docx)
    {
        using var document = Docx.Open(docx);
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2" or "Heading3" or "FicheHeading")
            .Select(p => Collapse(Docx.Text(p)))
            .Where(t => t.Length > 0)
            .ToList();
        var headerRows = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Where(r => r.TableRowProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableHeader>() is not null)
            .Select(r => Collapse(string.Join(' ', r.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(Docx.Text))).Split(' ').ToHashSet(StringComparer.Ordinal))
            .ToList();
        return (headings, headerRows);
    }

    private static string Collapse(string text) => Whitespace().Replace(PrintedText.Plain(text).Replace('\u202F', ' '), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(page )?\d+( / \d+| sur \d+)?$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d,\d{3},\d{3}")]
    private static partial Regex EnglishThousands();

    [GeneratedRegex(@"\d\.\d%")]
    private static partial Regex EnglishPercent();
}
