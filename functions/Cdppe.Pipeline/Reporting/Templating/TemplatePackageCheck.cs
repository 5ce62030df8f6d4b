using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Checks a template's package as stored, entry by entry, before the Open XML SDK opens it (whose view hides what a
/// relationship really is: a relationship typed as a hyperlink is not one of its external relationships):
/// <list type="bullet">
/// <item>its size: the number of parts, each part's size and the total once uncompressed (a refusal at once);</item>
/// <item>macros: a part or content type of VBA, key bindings, toolbars or ActiveX, a macro-enabled main document;</item>
/// <item>every relationship of every part, whatever its declared type: one that leaves the package (external, or
/// an internal target outside it) is refused, except a hyperlink to an http, https or mailto address used only
/// as a link (<c>w:hyperlink</c>, <c>a:hlinkClick</c>);</item>
/// <item>every XML part, read once with the limits of <see cref="DocxTemplate.XmlLimits"/>: fields that load content
/// from elsewhere (<see cref="ExternalFieldFinder"/>), the uses of relationships
/// (<see cref="RelationshipReferenceFinder"/>), a mail merge with a data source (<see cref="MailMergeFinder"/>).</item>
/// </list>
/// </summary>
internal static class TemplatePackageCheck
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>Content types (or parts of them) of code a package may carry: VBA projects and their data, key bindings, toolbars, ActiveX controls, macro-enabled main documents.</summary>
    private static readonly string[] MacroContentTypes = ["macroEnabled", "vbaProject", "vbaData", "keyMapCustomizations", "attachedToolbars", "activeX"];

    /// <summary>Relationship types (their last segment) that attach code.</summary>
    private static readonly HashSet<string> MacroRelationshipTypes = new(StringComparer.OrdinalIgnoreCase) { "vbaProject", "vbaProjectSignature", "vbaProjectSignatureAgile", "wordVbaData", "keyMapCustomizations", "attachedToolbars" };

    /// <summary>Part names of code, whatever content type they claim.</summary>
    private static readonly HashSet<string> MacroPartNames = new(StringComparer.OrdinalIgnoreCase) { "vbaProject.bin", "vbaData.xml", "vbaProjectSignature.bin", "vbaProjectSignatureAgile.bin", "customizations.xml", "attachedToolbars.bin" };

    private static readonly HashSet<string> LinkSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    /// <summary>Adds every problem found to <paramref name="errors"/>; throws <see cref="TemplateException"/> at once for a package over a size limit, <see cref="XmlLimitException"/> for a part over an XML limit.</summary>
    public static void Check(byte[] docx, List<TemplateError> errors)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        CheckSizes(entries);

        var started = Stopwatch.GetTimestamp();
        var types = new ContentTypes();
        if (entries.Find(e => e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)) is { } typesEntry)
        {
            using var stream = typesEntry.Open();
            XmlPartScanner.Scan(stream, "/[Content_Types].xml", DocxTemplate.XmlLimits, types, started);
        }

        var hasMacros = CheckMacros(entries, types, errors);

        var relationships = new List<PackageRelationship>();
        var references = new List<RelationshipReference>();
        foreach (var entry in entries)
        {
            var part = "/" + entry.FullName;
            var contentType = types.Of(part);
            if (entry.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase) || !IsXml(part, contentType))
            {
                continue;
            }

            IXmlNodeVisitor visitor = part.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                ? new RelationshipReader(SourceOf(part), relationships)
                : new Visitors([new ExternalFieldFinder(part, errors), new RelationshipReferenceFinder(part, references), new MailMergeFinder(part, errors)]);
            using var stream = entry.Open();
            XmlPartScanner.Scan(stream, part, DocxTemplate.XmlLimits, visitor, started);
        }

        var parts = entries.Select(e => Uri.UnescapeDataString("/" + e.FullName)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var relationship in relationships)
        {
            CheckRelationship(relationship, references, parts, hasMacros, errors);
        }
    }

    /// <summary>The part (« /word/document.xml ») whose relationships a <c>.rels</c> part (« /word/_rels/document.xml.rels ») holds; « / » for the package's own.</summary>
    private static string SourceOf(string relationshipsPart)
    {
        var folder = relationshipsPart[..(relationshipsPart.LastIndexOf('/') + 1)];
        var parent = folder.EndsWith("/_rels/", StringComparison.OrdinalIgnoreCase) ? folder[..^"_rels/".Length] : folder;
        var name = relationshipsPart[(folder.Length)..^".rels".Length];
        return parent + name;
    }

    private static bool IsXml(string part, string contentType) =>
        contentType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
        || part.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || part.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || part.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    private static void CheckSizes(List<ZipArchiveEntry> entries)
    {
        static string Mo(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + " Mo";
        TemplateException TooLarge(string message) => new([new TemplateError("modele-trop-volumineux", string.Empty, null, message)]);

        if (entries.Count > DocxTemplate.MaxParts)
        {
            throw TooLarge($"Le modèle contient {XmlPartLimits.Number(entries.Count)} parties : au-delà de {XmlPartLimits.Number(DocxTemplate.MaxParts)} (limite du nombre de parties), il est refusé. Enregistrez-le à nouveau depuis Word.");
        }

        var maxPart = DocxTemplate.XmlLimits.MaxPartBytes;
        if (entries.Find(e => e.Length > maxPart) is { } large)
        {
            throw TooLarge($"La partie « /{large.FullName} » du modèle fait {Mo(large.Length)} une fois décompressée : au-delà de {Mo(maxPart)} par partie (limite de taille d'une partie), le modèle est refusé (allégez ses images).");
        }

        var total = entries.Sum(e => e.Length);
        if (total > DocxTemplate.MaxUncompressedBytes)
        {
            throw TooLarge($"Le modèle fait {Mo(total)} une fois décompressé : au-delà de {Mo(DocxTemplate.MaxUncompressedBytes)} (limite de taille une fois décompressé), il est refusé (allégez ses images).");
        }
    }

    /// <summary>Adds one error listing every part and content type of code; true when there is any.</summary>
    private static bool CheckMacros(List<ZipArchiveEntry> entries, ContentTypes types, List<TemplateError> errors)
    {
        var found = new List<string>();
        foreach (var entry in entries)
        {
            var part = "/" + entry.FullName;
            var contentType = types.Of(part);
            if (MacroPartNames.Contains(entry.Name) || IsMacro(contentType))
            {
                found.Add(contentType.Length > 0 ? $"partie « {part} », {contentType}" : $"partie « {part} »");
            }
        }

        found.AddRange(types.Defaults.Where(d => IsMacro(d.Value) && !entries.Exists(e => e.Name.EndsWith("." + d.Key, StringComparison.OrdinalIgnoreCase))).Select(d => $"type par défaut des fichiers « .{d.Key} », {d.Value}"));
        found.AddRange(types.Overrides.Where(o => IsMacro(o.Value)).Select(o => $"partie « {o.Key} », {o.Value}").Where(o => !found.Contains(o)));
        if (found.Count > 0)
        {
            errors.Add(MacroError(found[0], string.Join(" ; ", found)));
        }

        return found.Count > 0;
    }

    private static TemplateError MacroError(string first, string what) =>
        new("modele-macros", first, null, $"Le modèle contient des macros ou du code ({what}) : enregistrez-le dans Word au format « Document Word (*.docx) », sans macros ; le rapport ne doit contenir aucun code.");

    private static bool IsMacro(string contentType) => MacroContentTypes.Any(m => contentType.Contains(m, StringComparison.OrdinalIgnoreCase));

    private static void CheckRelationship(PackageRelationship relationship, List<RelationshipReference> references, HashSet<string> parts, bool hasMacros, List<TemplateError> errors)
    {
        var (source, id, type, target, external) = relationship;
        var typeName = type[(type.LastIndexOf('/') + 1)..];
        var shown = target.Length <= 120 ? target : target[..117] + "…";
        if (MacroRelationshipTypes.Contains(typeName))
        {
            if (!hasMacros)
            {
                errors.Add(MacroError(id, $"relation « {id} » de type {typeName} de la partie « {source} » vers « {shown} »"));
            }

            return;
        }

        var uses = references.Where(r => r.Id == id && r.Part.Equals(source, StringComparison.OrdinalIgnoreCase)).ToList();
        if (external)
        {
            var isLink = typeName.Equals("hyperlink", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(target.Trim(), UriKind.Absolute, out var uri) && LinkSchemes.Contains(uri.Scheme)
                && uses.TrueForAll(u => u.AsHyperlink);
            if (!isLink)
            {
                var usedBy = uses.Count > 0 ? ", utilisée par " + string.Join(", ", uses.Select(u => u.Context).Distinct().Select(c => $"« {c} »")) : string.Empty;
                errors.Add(new TemplateError("modele-relation-externe", id, null, $"La partie « {source} » fait référence à une ressource externe « {shown} » (relation « {id} » de type {typeName}{usedBy}) : supprimez cette image liée, ce modèle attaché ou cet objet lié (seul un lien hypertexte vers une adresse http, https ou mailto est permis), le rapport ne doit rien charger d'ailleurs."));
            }
        }
        else if (Resolve(source, target) is not { } resolved)
        {
            errors.Add(new TemplateError("modele-relation-externe", id, null, $"La partie « {source} » fait référence à « {shown} » (relation « {id} » de type {typeName}), hors du document : un modèle ne peut viser que ses propres parties ; enregistrez-le à nouveau depuis Word, le rapport ne doit rien charger d'ailleurs."));
        }
        else if (!parts.Contains(resolved))
        {
            errors.Add(new TemplateError("modele-invalide", id, null, $"La partie « {source} » fait référence à la partie « {resolved} » (relation « {id} » de type {typeName}), absente du fichier : ouvrez le modèle dans Word et enregistrez-le à nouveau au format .docx."));
        }
    }

    /// <summary>
    /// The part an internal target names (« /word/media/image1.png »), or null when it is not a path within the
    /// package: a scheme, a drive, a host, a backslash, or « .. » above the root.
    /// </summary>
    private static string? Resolve(string source, string target)
    {
        var path = Uri.UnescapeDataString(target);
        if (path.Length == 0 || path.Contains(':', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = new List<string>();
        var full = path.StartsWith('/') ? path : source[..(source.LastIndexOf('/') + 1)] + path;
        foreach (var segment in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>A relationship as its <c>.rels</c> part declares it.</summary>
    private sealed record PackageRelationship(string Source, string Id, string Type, string Target, bool External);

    /// <summary>Reads the <c>Relationship</c> elements of a <c>.rels</c> part.</summary>
    private sealed class RelationshipReader(string source, List<PackageRelationship> relationships) : IXmlNodeVisitor
    {
        public void Visit(XmlReader reader)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == RelationshipsNamespace)
            {
                relationships.Add(new PackageRelationship(
                    source,
                    reader.GetAttribute("Id") ?? string.Empty,
                    reader.GetAttribute("Type") ?? string.Empty,
                    reader.GetAttribute("Target") ?? string.Empty,
                    string.Equals(reader.GetAttribute("TargetMode")?.Trim(), "External", StringComparison.OrdinalIgnoreCase)));
            }
        }

        public void Complete()
        {
        }
    }

    /// <summary>The content types of <c>[Content_Types].xml</c>: by part name, else by extension.</summary>
    private sealed class ContentTypes : IXmlNodeVisitor
    {
        public Dictionary<string, string> Defaults { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string Of(string part)
        {
            if (Overrides.TryGetValue(part, out var type) || Overrides.TryGetValue(Uri.UnescapeDataString(part), out type))
            {
                return type;
            }

            var dot = part.LastIndexOf('.');
            return dot > part.LastIndexOf('/') && Defaults.TryGetValue(part[(dot + 1)..], out type) ? type : string.Empty;
        }

        public void Visit(XmlReader reader)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != ContentTypesNamespace)
            {
                return;
            }

            var type = reader.GetAttribute("ContentType") ?? string.Empty;
            if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension)
            {
                Defaults[extension] = type;
            }
            else if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part)
            {
                Overrides[Uri.UnescapeDataString(part)] = type;
            }
        }

        public void Complete()
        {
        }
    }

    /// <summary>Several visitors over one reading of a part.</summary>
    private sealed class Visitors(IXmlNodeVisitor[] all) : IXmlNodeVisitor
    {
        public void Visit(XmlReader reader)
        {
            foreach (var visitor in all)
            {
                visitor.Visit(reader);
            }
        }

        public void Complete()
        {
            foreach (var visitor in all)
            {
                visitor.Complete();
            }
        }
    }
}
