using System.Collections.Concurrent;
using System.IO.Packaging;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A Word template compiled once and rendered many times. Tags are <c>{{nom}}</c> values with filters,
/// <c>{{#liste}}…{{/liste}}</c> loops and conditions (over runs, table rows or whole paragraphs and tables),
/// <c>{{^nom}}…{{/nom}}</c> negations and <c>{{%graphique}}</c> native charts. Data is a tree of dictionaries,
/// lists and plain values: a template reads names, it never calls code.
/// </summary>
public sealed partial class DocxTemplate
{
    private readonly byte[] source;
    private readonly IReadOnlyList<CompiledPart> parts;
    private readonly HashSet<string> usedRelationshipIds;
    private readonly bool isTemplatePackage;

    private DocxTemplate(byte[] source, string hash, IReadOnlyList<CompiledPart> parts, HashSet<string> usedRelationshipIds, bool isTemplatePackage)
    {
        this.source = source;
        Hash = hash;
        this.parts = parts;
        this.usedRelationshipIds = usedRelationshipIds;
        this.isTemplatePackage = isTemplatePackage;
    }

    /// <summary>The document properties (title, subject…) holding value tags.</summary>
    private IReadOnlyList<PropertiesTemplate> Properties { get; init; } = [];

    /// <summary>SHA-256 of the template's bytes: its version.</summary>
    public string Hash { get; }

    /// <summary>Every tag of the template, part by part, in document order.</summary>
    public IReadOnlyList<TemplateTag> Tags => parts.SelectMany(p => p.Tags).ToList();

    /// <summary>A template larger than this is refused before it is opened (a report template is a few hundred kilobytes).</summary>
    public const int MaxTemplateBytes = 50 * 1024 * 1024;

    public static string HashOf(byte[] docx) => Convert.ToHexStringLower(SHA256.HashData(docx));

    /// <summary>Compiles a .docx (or .dotx) template; every error of every part is collected into one <see cref="TemplateException"/>.</summary>
    public static DocxTemplate Compile(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (docx.Length > MaxTemplateBytes)
        {
            throw new TemplateException([new TemplateError("modele-trop-volumineux", string.Empty, null, $"Le modèle fait {docx.Length / (1024 * 1024)} Mo : au-delà de {MaxTemplateBytes / (1024 * 1024)} Mo, il est refusé (allégez ses images).")]);
        }

        var errors = new List<TemplateError>();
        var compiled = new List<CompiledPart>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PropertiesTemplate>();
        bool isTemplate;
        try
        {
            using var stream = new MemoryStream();
            stream.Write(docx);
            using var document = WordprocessingDocument.Open(stream, true, new OpenSettings { AutoSave = false });
            isTemplate = document.DocumentType is WordprocessingDocumentType.Template or WordprocessingDocumentType.MacroEnabledTemplate;
            var main = document.MainDocumentPart;
            if (main?.Document is null)
            {
                throw new TemplateException("Le fichier n'a pas de corps de document Word.");
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

            // A template must not make the report load anything from elsewhere (linked image, attached template,
            // linked object): the document goes to the State as it is. Hyperlinks are fine.
            foreach (var external in document.ExternalRelationships.Concat(document.GetAllParts().SelectMany(p => p.ExternalRelationships)))
            {
                errors.Add(new TemplateError("modele-relation-externe", string.Empty, null, $"Le modèle fait référence à une ressource externe (« {external.Uri} ») : supprimez cette image liée, ce modèle attaché ou cet objet lié, le rapport ne doit rien charger d'ailleurs."));
            }

            ids.UnionWith(main.Parts.Select(p => p.RelationshipId));
            ids.UnionWith(main.ExternalRelationships.Select(r => r.Id));
            ids.UnionWith(main.HyperlinkRelationships.Select(r => r.Id));
            ids.UnionWith(main.DataPartReferenceRelationships.Select(r => r.Id));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException)
        {
            throw new TemplateException($"Le fichier n'est pas un document Word (.docx) lisible : {ex.Message}", ex);
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
        ArgumentNullException.ThrowIfNull(data);
        var errors = new List<TemplateError>();
        var charts = new List<ChartRequest>();
        var outputs = new List<(string Uri, string Xml)>();
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

        foreach (var part in parts)
        {
            var context = new RenderContext(part.Uri, part.ChartsAllowed, NewRelationshipId);
            context.Scopes.Add(data);
            part.Root.Render(context);
            errors.AddRange(context.Errors);
            charts.AddRange(context.Charts);
            var xml = context.Output.ToString();
            outputs.Add((part.Uri, part.ChartsAllowed ? RenumberDrawings(xml) : xml));
        }

        var renderedProperties = Properties.Select(p => (Part: p, Xml: p.Render(data, errors))).ToList();
        if (errors.Count > 0)
        {
            throw new TemplateException(errors);
        }

        using var stream = new MemoryStream();
        stream.Write(source);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            var byUri = new Dictionary<string, OpenXmlPart>(StringComparer.Ordinal) { [main.Uri.ToString()] = main };
            foreach (var p in main.HeaderParts.Cast<OpenXmlPart>().Concat(main.FooterParts))
            {
                byUri[p.Uri.ToString()] = p;
            }

            foreach (var (uri, xml) in outputs)
            {
                using var content = new MemoryStream(Encoding.UTF8.GetBytes(xml));
                byUri[uri].FeedData(content);
            }

            foreach (var chart in charts)
            {
                ChartWriter.AddChartPart(main, chart);
            }

            foreach (var (part, xml) in renderedProperties)
            {
                part.Write(document, xml);
            }

            if (isTemplatePackage)
            {
                document.ChangeDocumentType(WordprocessingDocumentType.Document);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Drawing ids must be unique in a document: repeated content and new charts get fresh ones.</summary>
    private static string RenumberDrawings(string xml)
    {
        var next = 0;
        return DocPrId().Replace(xml, m => m.Groups[1].Value + (++next).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"");
    }

    [GeneratedRegex("(<(?:\\w+:)?docPr\\b[^>]*?\\sid=\")\\d+\"")]
    private static partial Regex DocPrId();
}

/// <summary>Compiled templates by content hash (their version): a template is compiled once, including a broken one, whose errors are kept.</summary>
public sealed class DocxTemplateCache(int capacity = 16)
{
    private readonly ConcurrentDictionary<string, Lazy<DocxTemplate>> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    public int Count => entries.Count;

    public DocxTemplate GetOrCompile(byte[] docx)
    {
        var hash = DocxTemplate.HashOf(docx);
        var entry = entries.GetOrAdd(hash, _ =>
        {
            order.Enqueue(hash);
            return new Lazy<DocxTemplate>(() => DocxTemplate.Compile(docx), LazyThreadSafetyMode.ExecutionAndPublication);
        });
        while (entries.Count > capacity && order.TryDequeue(out var oldest))
        {
            if (oldest != hash)
            {
                entries.TryRemove(oldest, out _);
            }
        }

        return entry.Value;
    }
}
