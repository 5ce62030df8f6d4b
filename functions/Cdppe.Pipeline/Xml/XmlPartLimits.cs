using System.Globalization;
using System.Xml;

namespace Cdppe.Pipeline.Xml;

/// <summary>
/// Bounds every XML part a user sends is read under (workbook and template parts) before anything builds an element
/// tree from it: the Open XML SDK loads a part recursively, so a part nested 100 000 levels deep overflows the stack,
/// an overflow no code can catch. A part over a limit is refused with a French message naming the limit.
/// </summary>
public sealed record XmlPartLimits
{
    /// <summary>
    /// Deepest element nesting (the root element is level 1). The sample workbooks' parts and the 41-fiche report
    /// nest at most 9 levels (a table in a cell of a table adds 3); 256 leaves room for 80 nested tables.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Most elements in one part: bounds the memory of an element tree (a sheet of 100 000 rows and 4 columns has 1,1 million).</summary>
    public long MaxElements { get; init; } = 5_000_000;

    /// <summary>Largest part, uncompressed, in bytes.</summary>
    public long MaxPartBytes { get; init; } = 300L * 1024 * 1024;

    /// <summary>Time allowed to check every part of one package, whatever their number.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(30);

    public static XmlPartLimits Default { get; } = new();

    /// <summary>Reader settings for a streamed part: no DTD, no resolver, size-limited.</summary>
    public XmlReaderSettings ReaderSettings() => HardenedXmlReaderSettings.ForStreaming(MaxPartBytes);

    /// <summary>The French text of a limit, as the user reads it in a refusal.</summary>
    internal string Describe(XmlLimit limit) => limit switch
    {
        XmlLimit.Depth => $"plus de {Number(MaxDepth)} niveaux d'éléments imbriqués (limite de profondeur)",
        XmlLimit.Elements => $"plus de {Number(MaxElements)} éléments (limite du nombre d'éléments)",
        XmlLimit.Size => $"plus de {(MaxPartBytes >= 1024 * 1024 ? Number(MaxPartBytes / (1024 * 1024)) + " Mo" : Number(MaxPartBytes) + " octets")} une fois décompressée (limite de taille d'une partie)",
        XmlLimit.Time => $"trop d'éléments pour être contrôlé en {Number((long)TimeBudget.TotalSeconds)} secondes (limite de temps)",
        _ => "un contenu XML invalide ou interdit (DTD, entités)",
    };

    internal static string Number(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));
}
