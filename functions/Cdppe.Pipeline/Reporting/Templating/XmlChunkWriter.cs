using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Writes Open XML elements as text, the way they will be concatenated by the renderer: start tags, end tags and
/// whole static subtrees. Every namespace an element or attribute uses is declared where it is not in force already.
/// Inside loops, anchors that must stay unique (bookmarks, comment ranges, paragraph ids) are left out.
/// </summary>
internal static partial class XmlChunkWriter
{
    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static string StartTag(OpenXmlElement element, NsScope scope, bool inLoop, out NsScope inner, bool selfClose = false)
    {
        var sb = new StringBuilder();
        inner = AppendStart(sb, element, scope, inLoop);
        sb.Append(selfClose ? "/>" : ">");
        return sb.ToString();
    }

    public static string EndTag(OpenXmlElement element) => "</" + QualifiedName(element) + ">";

    public static string Whole(OpenXmlElement element, NsScope scope, bool inLoop)
    {
        var sb = new StringBuilder();
        Append(sb, element, scope, inLoop);
        return sb.ToString();
    }

    /// <summary>Elements that mark a position and must be unique in a document: dropped from repeated content.</summary>
    public static bool IsUniqueAnchor(OpenXmlElement element) =>
        element is BookmarkStart or BookmarkEnd or CommentRangeStart or CommentRangeEnd or PermStart or PermEnd;

    public static void Append(StringBuilder sb, OpenXmlElement element, NsScope scope, bool inLoop)
    {
        if (element is OpenXmlMiscNode misc)
        {
            sb.Append(misc.OuterXml);
            return;
        }

        if (inLoop && IsUniqueAnchor(element))
        {
            return;
        }

        var inner = AppendStart(sb, element, scope, inLoop);
        if (element is OpenXmlLeafTextElement leaf)
        {
            sb.Append('>');
            AppendEscaped(sb, leaf.Text, attribute: false);
        }
        else if (element.HasChildren)
        {
            sb.Append('>');
            foreach (var child in element.ChildElements)
            {
                Append(sb, child, inner, inLoop);
            }
        }
        else if (element is OpenXmlUnknownElement unknown && unknown.Text is { Length: > 0 } text)
        {
            sb.Append('>');
            AppendEscaped(sb, text, attribute: false);
        }
        else
        {
            sb.Append("/>");
            return;
        }

        sb.Append("</").Append(QualifiedName(element)).Append('>');
    }

    private static NsScope AppendStart(StringBuilder sb, OpenXmlElement element, NsScope scope, bool inLoop)
    {
        sb.Append('<').Append(QualifiedName(element));
        var declarations = new List<KeyValuePair<string, string>>();
        foreach (var declaration in element.NamespaceDeclarations)
        {
            if (scope.Lookup(declaration.Key) != declaration.Value)
            {
                declarations.Add(declaration);
            }
        }

        void Require(string prefix, string uri)
        {
            if (prefix.Length == 0 || uri.Length == 0 || prefix == "xml")
            {
                return;
            }

            var local = declarations.FirstOrDefault(d => d.Key == prefix);
            if (local.Key is not null ? local.Value != uri : scope.Lookup(prefix) != uri)
            {
                declarations.RemoveAll(d => d.Key == prefix);
                declarations.Add(new KeyValuePair<string, string>(prefix, uri));
            }
        }

        Require(element.Prefix, element.NamespaceUri);
        var attributes = element.GetAttributes();
        foreach (var attribute in attributes)
        {
            Require(attribute.Prefix, attribute.NamespaceUri);
        }

        foreach (var (prefix, uri) in declarations)
        {
            sb.Append(" xmlns:").Append(prefix).Append("=\"");
            AppendEscaped(sb, uri, attribute: true);
            sb.Append('"');
        }

        foreach (var attribute in attributes)
        {
            if (inLoop && attribute.LocalName is "paraId" or "textId" && attribute.NamespaceUri.Contains("wordml", StringComparison.Ordinal))
            {
                continue;
            }

            sb.Append(' ');
            if (attribute.Prefix.Length > 0)
            {
                sb.Append(attribute.Prefix).Append(':');
            }

            sb.Append(attribute.LocalName).Append("=\"");
            AppendEscaped(sb, attribute.Value ?? string.Empty, attribute: true);
            sb.Append('"');
        }

        return scope.With(declarations);
    }

    public static string QualifiedName(OpenXmlElement element) =>
        element.Prefix.Length == 0 ? element.LocalName : element.Prefix + ":" + element.LocalName;

    /// <summary>Escapes markup characters and drops the characters XML 1.0 forbids (control characters from spreadsheets).</summary>
    public static void AppendEscaped(StringBuilder sb, string text, bool attribute) =>
        AppendEscaped(new StringBuilderSink(sb), text.AsSpan(), attribute);

    /// <summary>The same, into any sink: the text between characters to escape or drop is appended in one piece.</summary>
    public static void AppendEscaped<TSink>(TSink sink, ReadOnlySpan<char> text, bool attribute)
        where TSink : ITextSink
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement;
            switch (c)
            {
                case '&':
                    replacement = "&amp;";
                    break;
                case '<':
                    replacement = "&lt;";
                    break;
                case '>':
                    replacement = "&gt;";
                    break;
                case '"' when attribute:
                    replacement = "&quot;";
                    break;
                case '\t' when attribute:
                    replacement = "&#9;";
                    break;
                case '\n' when attribute:
                    replacement = "&#10;";
                    break;
                case '\r' when attribute:
                    replacement = "&#13;";
                    break;
                case '\t' or '\n' or '\r':
                    continue;
                case < ' ':
                case '\uFFFE' or '\uFFFF':
                    replacement = null;
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    i++;
                    continue;
                case >= '\uD800' and <= '\uDFFF':
                    replacement = null;
                    break;
                default:
                    continue;
            }

            sink.Append(text[start..i]);
            if (replacement is not null)
            {
                sink.Append(replacement);
            }

            start = i + 1;
        }

        sink.Append(text[start..]);
    }

    private readonly struct StringBuilderSink(StringBuilder sb) : ITextSink
    {
        public void Append(ReadOnlySpan<char> text) => sb.Append(text);
    }
}
