using System.Xml;

namespace Cdppe.Pipeline.Xml;

/// <summary>
/// The one definition of how an XML part a user sends is read: DTDs prohibited (no entity expansion), no resolver
/// (nothing loaded from elsewhere), the input left open for its owner, and at most a number of characters.
/// </summary>
public static class HardenedXmlReaderSettings
{
    /// <summary>
    /// Settings for a part read as a stream of values (workbook sheets, package checks): comments, insignificant
    /// whitespace and processing instructions are skipped, characters are not checked (a value is taken as written).
    /// </summary>
    public static XmlReaderSettings ForStreaming(long maxCharacters)
    {
        var settings = ForDocument(maxCharacters);
        settings.IgnoreComments = true;
        settings.IgnoreWhitespace = true;
        settings.IgnoreProcessingInstructions = true;
        settings.CheckCharacters = false;
        return settings;
    }

    /// <summary>Settings for a part loaded as a document and written back (a template's properties): every node is kept as written.</summary>
    public static XmlReaderSettings ForDocument(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        CloseInput = false,
    };
}
