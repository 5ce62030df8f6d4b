using System.IO.Compression;
using System.IO.Packaging;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A Word template compiled once and rendered many times. Tags are <c>{{nom}}</c> values with filters,
/// <c>{{#liste}}…{{/liste}}</c> loops and conditions (over runs, table rows or whole paragraphs and tables),
/// <c>{{^nom}}…{{/nom}}</c> negations and <c>{{%graphique}}</c> native charts. Data is a tree of dictionaries,
/// lists and plain values: a template reads names, it never calls code.
/// </summary>
public sealed class DocxTemplate
{
    private readonly byte[] source;
    private readonly IReadOnlyList<CompiledPart> parts;
    private readonly HashSet<string> usedRelationshipIds;
    private readonly bool isTemplatePackage;
    private readonly Dictionary<TemplateTag, long> sectionSizes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Per part, the characters its output must keep at its end (<see cref="RenderOutput.Tail"/>).</summary>
    private readonly int[] tails;

    private DocxTemplate(byte[] source, string hash, IReadOnlyList<CompiledPart> parts, HashSet<string> usedRelationshipIds, bool isTemplatePackage)
    {
        this.source = source;
        Hash = hash;
        this.parts = parts;
        this.usedRelationshipIds = usedRelationshipIds;
        this.isTemplatePackage = isTemplatePackage;
        foreach (var part in parts)
        {
            MeasureSections(part.Root);
        }

        tails = parts.Select(p => LongestParagraphEnd(p.Root)).ToArray();
    }

    /// <summary>The document properties (title, subject…) holding value tags.</summary>
    private IReadOnlyList<PropertiesTemplate> Properties { get; init; } = [];

    /// <summary>SHA-256 of the template's bytes: its version.</summary>
    public string Hash { get; }

    /// <summary>About the bytes this compiled template holds: its package and the fixed XML of its parts (UTF-16).</summary>
    public long Footprint => source.LongLength + (2 * parts.Sum(p => FixedCharacters(p.Root)));

    /// <summary>Every tag of the template, part by part, in document order.</summary>
    public IReadOnlyList<TemplateTag> Tags => parts.SelectMany(p => p.Tags).ToList();

    /// <summary>
    /// A template larger than this is refused before it is opened: a report template is a few hundred kilobytes
    /// (the built-in one 8 KB), and 20 MB leaves room for a logo and photographs. Every rendering holds the template
    /// a few times over (its package, its copy being changed, the report written), so this bounds its memory.
    /// </summary>
    public const int MaxTemplateBytes = 20 * 1024 * 1024;

    /// <summary>Most parts (entries) in a template's package (the built-in template has 12, a 41-fiche report made from it 97).</summary>
    public const int MaxParts = 1_000;

    /// <summary>Most bytes of every part together once uncompressed (a part alone: <see cref="XmlPartLimits.MaxPartBytes"/> of <see cref="XmlLimits"/>, for every part, XML or not).</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    /// <summary>
    /// Every XML part of a template is checked against these before its element tree is built. The built-in
    /// template's body has 1 654 elements, 8 levels deep; the 41-fiche report rendered from it (a user could start
    /// from it) 36 188 elements, 9 levels deep, 1 MB.
    /// </summary>
    public static XmlPartLimits XmlLimits { get; } = XmlPartLimits.Default with
    {
        MaxElements = 1_000_000,
        MaxPartBytes = 20L * 1024 * 1024,
        TimeBudget = TimeSpan.FromSeconds(10),
    };

    /// <summary>Most sections open inside one another (loops and conditions); the built-in template nests 4.</summary>
    public const int MaxSectionDepth = 12;

    /// <summary>Most characters of XML one rendering writes, every part together (the 41-fiche report of the seed data: about 1 million).</summary>
    public const long MaxRenderedCharacters = 40_000_000;

    /// <summary>Most tag evaluations in one rendering (that report: about 4 600).</summary>
    public const long MaxTagEvaluations = 2_000_000;

    /// <summary>Most charts in one rendering (the 41-fiche report: 13).</summary>
    public const int MaxCharts = 2_000;

    public static string HashOf(byte[] docx) => Convert.ToHexStringLower(SHA256.HashData(docx));

    /// <summary>Compiles a .docx (or .dotx) template; every error of every part is collected into one <see cref="TemplateException"/>.</summary>
    public static DocxTemplate Compile(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (docx.Length > MaxTemplateBytes)
        {
            throw new TemplateException([TemplateErrors.TooLarge(docx.Length, MaxTemplateBytes)]);
        }

        var errors = new List<TemplateError>();
        var compiled = new List<CompiledPart>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PropertiesTemplate>();
        bool isTemplate;
        try
        {
            // The package as stored (sizes, macros, every relationship, every XML part with its fields and mail
            // merge), before the SDK opens it: what it finds is refused without going further (the SDK fails on a
            // relationship to a part that is not there).
            TemplatePackageCheck.Check(docx, errors);
            if (errors.Count > 0)
            {
                throw new TemplateException(errors);
            }

            using var stream = new MemoryStream();
            stream.Write(docx);
            using var document = WordprocessingDocument.Open(stream, true, new OpenSettings { AutoSave = false });
            isTemplate = document.DocumentType is WordprocessingDocumentType.Template or WordprocessingDocumentType.MacroEnabledTemplate;

            // Before any element tree is built (a part nested deep enough overflows the SDK's recursive loader): the
            // parts as the SDK sees them, checked again.
            XmlPartScanner.ScanPackage(document, XmlLimits);
            var main = document.MainDocumentPart;
            if (main?.Document is null)
            {
                throw new TemplateException(TemplateErrors.NoDocumentBody);
            }

            compiled.Add(PartCompiler.Compile(main.Document, main.Uri.ToString(), chartsAllowed: true, errors));
            foreach (var header in main.HeaderParts)
            {
                compiled.Add(PartCompiler.Compile(header.Header, header.Uri.ToString(), chartsAllowed: false, errors));
            }

            foreach (var footer in main.FooterParts)
            {
                compiled.Add(PartCompiler.Compile(footer.Footer, footer.Uri.ToString(), chartsAllowed: false, errors));
            }

            properties = PropertiesTemplate.CompileAll(document, errors);

            // An altChunk imports another document (HTML, RTF, .docx) when Word opens the report: its content, links and
            // images included, unchecked.
            foreach (var chunk in document.GetAllParts().OfType<AlternativeFormatImportPart>())
            {
                errors.Add(TemplateErrors.ImportedContent(chunk.Uri, chunk.ContentType));
            }

            CheckSectionDepth(compiled, errors);

            ids.UnionWith(main.Parts.Select(p => p.RelationshipId));
            ids.UnionWith(main.ExternalRelationships.Select(r => r.Id));
            ids.UnionWith(main.HyperlinkRelationships.Select(r => r.Id));
            ids.UnionWith(main.DataPartReferenceRelationships.Select(r => r.Id));
        }
        catch (XmlLimitException ex)
        {
            throw new TemplateException([TemplateErrors.UnsafeXml(ex)]);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException)
        {
            throw new TemplateException(TemplateErrors.NotAWordDocument, ex);
        }

        if (errors.Count > 0)
        {
            throw new TemplateException(errors);
        }

        return new DocxTemplate(docx.ToArray(), HashOf(docx), compiled, ids, isTemplate) { Properties = properties };
    }

    /// <summary>Renders the template with this data; unknown names and filters applied to the wrong kind of value are errors, all reported together.</summary>
    public byte[] Render(IReadOnlyDictionary<string, object?> data)
    {
        using var output = new MemoryStream();
        Render(data, output);
        return output.ToArray();
    }

    /// <summary>
    /// Renders the template with this data as a .docx package written to <paramref name="output"/>: each part's XML
    /// goes through a UTF-8 writer into its compressed entry as it is produced, never whole in memory; the other
    /// parts of the template are copied. Errors are known at the end: when a <see cref="TemplateException"/> is
    /// thrown, what was written to <paramref name="output"/> is not a document.
    /// </summary>
    public void Render(IReadOnlyDictionary<string, object?> data, Stream output) => Render(data, output, new Dictionary<string, string>());

    /// <summary>
    /// Renders as <see cref="Render(IReadOnlyDictionary{string, object?}, Stream)"/>, putting each kept text
    /// (place name → <see cref="TextFragment"/>) into the control of its <c>{{texte:…}}</c> place; returns the places
    /// written, in document order.
    /// </summary>
    public IReadOnlyList<RenderedPlace> Render(IReadOnlyDictionary<string, object?> data, Stream output, IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(texts);
        var places = new TextPlaceRendering(texts);
        ArgumentNullException.ThrowIfNull(output);
        var errors = new List<TemplateError>();
        var charts = new List<ChartRequest>();
        var counter = 0;
        string NewRelationshipId()
        {
            string id;
            do
            {
                id = "rIdCdppeChart" + (++counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            while (usedRelationshipIds.Contains(id));
            return id;
        }

        // The template's package, opened to add the charts and the properties and to change its type: small, the
        // parts that grow are written to the output directly.
        using var package = new MemoryStream();
        package.Write(source);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var document = WordprocessingDocument.Open(package, true))
        {
            if (isTemplatePackage)
            {
                document.ChangeDocumentType(WordprocessingDocumentType.Document);
            }

            var main = document.MainDocumentPart!;
            var names = new Dictionary<string, string>(StringComparer.Ordinal) { [parts[0].Uri] = main.Uri.OriginalString };
            foreach (var p in main.HeaderParts.Cast<OpenXmlPart>().Concat(main.FooterParts))
            {
                names[p.Uri.ToString()] = p.Uri.OriginalString;
            }

            var budget = RenderBudget.OfOneRendering();
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var name = names[part.Uri].TrimStart('/');
                written.Add(Uri.UnescapeDataString(name));
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                using var writer = new StreamWriter(stream, Utf8, 1 << 13);
                var partOutput = new RenderOutput(writer, tails[i], renumberDrawings: part.ChartsAllowed);
                var context = new RenderContext(part.Uri, part.ChartsAllowed, NewRelationshipId, budget, sectionSizes, partOutput) { Texts = places };
                context.Scopes.Add(data);
                try
                {
                    part.Root.Render(context);
                }
                catch (RenderLimitException ex)
                {
                    throw new TemplateException([LimitError(part, ex.Tag, ex.Limit)]);
                }

                budget.Characters += partOutput.Length;
                errors.AddRange(context.Errors);
                charts.AddRange(context.Charts);
                partOutput.Complete();
            }

            var renderedProperties = Properties.Select(p => (Part: p, Xml: p.Render(data, errors))).ToList();
            if (errors.Count > 0)
            {
                throw new TemplateException(errors);
            }

            foreach (var chart in charts)
            {
                ChartWriter.AddChartPart(main, chart);
            }

            foreach (var (part, xml) in renderedProperties)
            {
                part.Write(document, xml);
            }

            TextNumbering.Add(main, places);
        }

        package.Position = 0;
        using var rest = new ZipArchive(package, ZipArchiveMode.Read);
        foreach (var entry in rest.Entries)
        {
            if (written.Contains(Uri.UnescapeDataString(entry.FullName)))
            {
                continue;
            }

            var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = entry.LastWriteTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }

        return places.Places;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Sections opened inside more than <see cref="MaxSectionDepth"/> others are refused: each level multiplies the output.</summary>
    private static void CheckSectionDepth(IEnumerable<CompiledPart> parts, List<TemplateError> errors)
    {
        foreach (var part in parts)
        {
            var depth = 0;
            foreach (var tag in part.Tags)
            {
                if (tag.Kind is TagKind.Section or TagKind.Inverted && ++depth > MaxSectionDepth)
                {
                    errors.Add(TemplateErrors.SectionsTooDeep(tag, MaxSectionDepth));
                    break;
                }

                if (tag.Kind == TagKind.Close)
                {
                    depth = Math.Max(depth - 1, 0);
                }
            }
        }
    }

    /// <summary>A rendering over its budget, named by the outermost section around the tag it was evaluating.</summary>
    private static TemplateError LimitError(CompiledPart part, TemplateTag? tag, RenderLimit limit)
    {
        var chain = tag is null ? [] : EnclosingSections(part.Tags, tag);
        var culprit = chain.FirstOrDefault() ?? tag;
        return TemplateErrors.RenderTooLarge(TemplateErrors.RenderLimitText(limit), culprit, chain);
    }

    /// <summary>The sections open around <paramref name="tag"/> (itself included when it opens one), outermost first.</summary>
    private static List<TemplateTag> EnclosingSections(IReadOnlyList<TemplateTag> tags, TemplateTag tag)
    {
        var open = new List<TemplateTag>();
        foreach (var t in tags)
        {
            if (t.Kind is TagKind.Section or TagKind.Inverted)
            {
                open.Add(t);
            }
            else if (t.Kind == TagKind.Close && open.Count > 0 && !ReferenceEquals(t, tag))
            {
                open.RemoveAt(open.Count - 1);
            }

            if (ReferenceEquals(t, tag))
            {
                return open;
            }
        }

        return open;
    }

    /// <summary>The longest paragraph end a loop of this subtree looks for at the end of the output, to put its page break before it.</summary>
    private static int LongestParagraphEnd(Node node) => node switch
    {
        ElementNode element => element.Children.Select(LongestParagraphEnd).DefaultIfEmpty(0).Max(),
        LoopNode loop => Math.Max(loop.ParagraphEnd?.Length ?? 0, loop.Body.Select(LongestParagraphEnd).DefaultIfEmpty(0).Max()),
        _ => 0,
    };

    /// <summary>The characters of fixed XML held by this subtree.</summary>
    private static long FixedCharacters(Node node) => node switch
    {
        StaticNode fixedXml => fixedXml.Xml.Length,
        ElementNode element => element.Children.Sum(FixedCharacters),
        LoopNode loop => loop.Body.Sum(FixedCharacters),
        _ => 0,
    };

    /// <summary>The fixed XML each section writes per item, inner sections not counted (they are checked when they are reached).</summary>
    private long MeasureSections(Node node)
    {
        switch (node)
        {
            case StaticNode fixedXml:
                return fixedXml.Xml.Length;
            case ElementNode element:
                return element.Children.Sum(MeasureSections);
            case LoopNode loop:
                sectionSizes[loop.Open] = loop.Body.Sum(MeasureSections);
                return 0;
            default:
                return 0;
        }
    }
}
