namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>What <see cref="Utf8XmlScanner.Read"/> stopped on.</summary>
internal enum XmlToken
{
    None,
    StartTag,
    EmptyTag,
    EndTag,

    /// <summary>Character data between tags, entities not yet replaced.</summary>
    Text,

    /// <summary>The content of a CDATA section, taken as it is.</summary>
    CData,
    End,
}
