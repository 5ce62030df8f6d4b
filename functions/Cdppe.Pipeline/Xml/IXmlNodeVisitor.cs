using System.Xml;

namespace Cdppe.Pipeline.Xml;

/// <summary>Sees every node of a part while it is checked (the reader is on the node; it must not move it).</summary>
internal interface IXmlNodeVisitor
{
    void Visit(XmlReader reader);

    /// <summary>The part ended.</summary>
    void Complete();
}
