using System.Text;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A bookmark whose name holds value tags: rendered with the name its tags give, letters, digits and "_" only, at
/// most 40 characters (Word's rules). Ids are made unique in the part as it is written (see
/// <see cref="IdRenumbering"/>).
/// </summary>
internal sealed class BookmarkNode(string element, string id, IReadOnlyList<object> name) : Node
{
    public override bool HasFixedContent => false;

    public override void Render(RenderContext context)
    {
        var text = new StringBuilder();
        foreach (var piece in name)
        {
            text.Append(piece is TemplateTag tag ? ValueNode.Format(tag, context) : (string)piece);
        }

        var clean = new string(text.ToString().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        clean = clean.Length == 0 || !char.IsAsciiLetter(clean[0]) ? "S" + clean : clean;
        context.Output.Append('<').Append(element).Append(" w:id=\"").Append(id).Append("\" w:name=\"").Append(clean.Length > 40 ? clean[..40] : clean).Append("\"/>");
    }

    public override void Validate(RenderContext context)
    {
        foreach (var tag in name.OfType<TemplateTag>())
        {
            context.TryResolve(tag, out _);
        }
    }
}
