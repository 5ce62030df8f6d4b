using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Compiles one part of a template in stages, each in its own type, each handing the next what it found:
/// <see cref="TemplateNormalizer"/> (tags found in the joined text of each paragraph and given a run of their own),
/// <see cref="SectionPairing"/> (section tags paired), <see cref="SectionExpansion"/> (each pair expanded to the
/// runs, rows or blocks it repeats) and <see cref="PartEmitter"/> (the tree of nodes, static XML pre-written).
/// Every problem found is added to the errors; the stages go on, so that all of them are reported together.
/// </summary>
internal static class PartCompiler
{
    public static CompiledPart Compile(OpenXmlPartRootElement root, string partUri, bool chartsAllowed, List<TemplateError> errors)
    {
        var normalized = TemplateNormalizer.Normalize(root, partUri, chartsAllowed, errors);
        var pairs = SectionPairing.Pair(normalized.Tags, errors);
        var regions = SectionExpansion.Expand(normalized, pairs, errors);
        var tree = PartEmitter.Emit(normalized, regions, errors);
        return new CompiledPart(partUri, tree, normalized.Tags, chartsAllowed);
    }
}
