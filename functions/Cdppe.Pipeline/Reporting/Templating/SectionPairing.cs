namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The second stage of <see cref="PartCompiler"/>: section tags (<c>{{#…}}</c>, <c>{{^…}}</c>) are paired with their
/// closing tags in document order, as parentheses; a closing tag without an opening one, closing another name, or an
/// opening tag never closed is an error.
/// </summary>
internal static class SectionPairing
{
    /// <summary>The pairs, in the order of their closing tags.</summary>
    public static List<(TemplateTag Open, TemplateTag Close)> Pair(IReadOnlyList<TemplateTag> tags, List<TemplateError> errors)
    {
        var pairs = new List<(TemplateTag, TemplateTag)>();
        var stack = new Stack<TemplateTag>();
        foreach (var tag in tags)
        {
            switch (tag.Kind)
            {
                case TagKind.Section or TagKind.Inverted:
                    stack.Push(tag);
                    break;
                case TagKind.Close when stack.Count == 0:
                    errors.Add(TemplateErrors.CloseWithoutOpen(tag));
                    break;
                case TagKind.Close:
                    var open = stack.Pop();
                    if (tag.Path.Count > 0 && tag.PathText != open.PathText)
                    {
                        errors.Add(TemplateErrors.CloseOfAnother(tag, open));
                    }

                    pairs.Add((open, tag));
                    break;
            }
        }

        foreach (var open in stack.Reverse())
        {
            errors.Add(TemplateErrors.SectionNotClosed(open));
        }

        return pairs;
    }
}
