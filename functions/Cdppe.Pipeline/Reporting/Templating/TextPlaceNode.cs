using System.Xml.Linq;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A <c>{{texte:nom}}</c> tag alone in its paragraph: the paragraph becomes a content control (<c>w:sdt</c>) whose
/// tag is the place's name and whose title the user sees, holding the text kept for that name or, when there is
/// none, the help text in grey as its placeholder. Its content is also marked by a hidden bookmark
/// (<see cref="TextPlace.BookmarkName"/>), kept by LibreOffice where the control's tag is not.
/// </summary>
internal sealed class TextPlaceNode(TemplateTag tag, string? paragraphStyle) : Node
{
    private static readonly XNamespace W = TextFragment.W;

    public TemplateTag Tag { get; } = tag;

    public override bool HasFixedContent => true;

    public override void Render(RenderContext context)
    {
        var place = Tag.Place!;
        var name = Expand(place.Name, context, asName: true);
        if (name is null)
        {
            return;
        }

        if (!TextPlace.IsValidName(name))
        {
            context.Error(TemplateErrors.InvalidPlaceValue(Tag, name));
            return;
        }

        var title = Expand(place.Title, context, asName: false) ?? name;
        title = title.Length > 200 ? title[..200] : title;
        var rendering = context.Texts;
        if (!rendering.Add(new RenderedPlace(name, title, place.Help)))
        {
            context.Error(TemplateErrors.DuplicatePlace(Tag, name));
            return;
        }

        var kept = rendering.TextOf(name);
        var blocks = string.IsNullOrEmpty(kept) ? [Placeholder(place.Help)] : TextFragment.ForRendering(kept, paragraphStyle, rendering);
        var bookmarkId = (TextPlaceRendering.FirstBookmarkId + rendering.Places.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new XElement(W + "bookmarkStart", new XAttribute(W + "id", bookmarkId), new XAttribute(W + "name", TextPlace.BookmarkName(name)));
        var end = new XElement(W + "bookmarkEnd", new XAttribute(W + "id", bookmarkId));
        if (blocks[0].Name == W + "p")
        {
            if (blocks[0].Element(W + "pPr") is { } pPr)
            {
                pPr.AddAfterSelf(start);
            }
            else
            {
                blocks[0].AddFirst(start);
            }
        }
        else
        {
            blocks.Insert(0, start);
        }

        if (blocks[^1].Name == W + "p")
        {
            blocks[^1].Add(end);
        }
        else
        {
            blocks.Add(end);
        }

        var properties = new XElement(
            W + "sdtPr",
            new XElement(W + "alias", new XAttribute(W + "val", title)),
            new XElement(W + "tag", new XAttribute(W + "val", name)),
            new XElement(W + "id", new XAttribute(W + "val", ControlId(name))),
            string.IsNullOrEmpty(kept) ? new XElement(W + "showingPlcHdr") : null,
            new XElement(W + "docPartObj", new XElement(W + "docPartGallery", new XAttribute(W + "val", "Custom Quick Parts"))));
        var control = new XElement(W + "sdt", new XAttribute(XNamespace.Xmlns + "w", W.NamespaceName), properties, new XElement(W + "sdtContent", blocks));
        context.Output.Append(control.ToString(SaveOptions.DisableFormatting));
        context.Frame.Report(BlockKind.Other, visible: true, 0);
    }

    public override void Validate(RenderContext context)
    {
        foreach (var value in Tag.Place!.Name.Concat(Tag.Place.Title).OfType<TemplateTag>())
        {
            context.TryResolve(value, out _);
        }
    }

    /// <summary>The pattern with its values in (in a name: lower case, without accents, other characters as <c>-</c>); null when one of them is unknown (the error is reported).</summary>
    private static string? Expand(IReadOnlyList<object> pattern, RenderContext context, bool asName)
    {
        var text = new System.Text.StringBuilder();
        foreach (var piece in pattern)
        {
            if (piece is TemplateTag value)
            {
                if (!context.TryResolve(value, out var resolved))
                {
                    return null;
                }

                var shown = TemplateFilters.Display(resolved);
                text.Append(asName ? Slug(shown) : shown);
            }
            else
            {
                text.Append((string)piece);
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>« Engagement 1 » → « engagement-1 ».</summary>
    private static string Slug(string value)
    {
        var plain = new System.Text.StringBuilder();
        foreach (var c in value.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            plain.Append(lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? lower : '-');
        }

        return string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private XElement Placeholder(string help) =>
        new(
            W + "p",
            paragraphStyle is null ? null : new XElement(W + "pPr", new XElement(W + "pStyle", new XAttribute(W + "val", paragraphStyle))),
            new XElement(
                W + "r",
                new XElement(W + "rPr", new XElement(W + "color", new XAttribute(W + "val", "808080"))),
                new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), help)));

    /// <summary>A control id stable for a name (FNV-1a), positive.</summary>
    private static int ControlId(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
