using System.Text;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Parses the inside of a tag: an optional prefix (<c>#</c>, <c>^</c>, <c>/</c>, <c>%</c>), a dotted name or
/// <c>.</c>, then filters separated by <c>|</c>, each with an optional argument after <c>:</c> (a number, a word or a
/// quoted text). Nothing else is accepted: a template is data, never code.
/// </summary>
public static class TagParser
{
    public static TemplateTag? Parse(string raw, string content, TemplateLocation location, int order, ICollection<TemplateError> errors)
    {
        var text = content.Trim();
        if (text.Length == 0)
        {
            errors.Add(TemplateErrors.EmptyTag(raw, location));
            return null;
        }

        if (text.StartsWith(TextPlace.Prefix, StringComparison.Ordinal))
        {
            return ParsePlace(raw, text[TextPlace.Prefix.Length..], location, order, errors);
        }

        var kind = text[0] switch
        {
            '#' => TagKind.Section,
            '^' => TagKind.Inverted,
            '/' => TagKind.Close,
            '%' => TagKind.Chart,
            _ => TagKind.Value,
        };
        if (kind != TagKind.Value)
        {
            text = text[1..].TrimStart();
        }

        var parts = SplitFilters(text);
        var pathText = parts[0].Trim();
        if (pathText.Length == 0 && kind != TagKind.Close)
        {
            errors.Add(TemplateErrors.TagWithoutName(raw, location));
            return null;
        }

        var path = new List<string>();
        if (pathText.Length > 0 && pathText != ".")
        {
            foreach (var segment in pathText.Split('.'))
            {
                if (!IsName(segment))
                {
                    errors.Add(TemplateErrors.InvalidName(raw, segment, location));
                    return null;
                }

                path.Add(segment);
            }
        }

        var filters = new List<FilterCall>();
        foreach (var part in parts.Skip(1))
        {
            var filter = ParseFilter(part.Trim(), raw, location, errors);
            if (filter is null)
            {
                return null;
            }

            filters.Add(filter);
        }

        if (filters.Count > 0 && kind is not TagKind.Value)
        {
            errors.Add(TemplateErrors.FilterOnSection(raw, location));
            return null;
        }

        return new TemplateTag { Kind = kind, Raw = raw, Path = path, Filters = filters, Location = location, Order = order };
    }

    /// <summary><c>nom-[chemin] | titre:"…" | aide:"…"</c>: a place's name, then its options.</summary>
    private static TemplateTag? ParsePlace(string raw, string text, TemplateLocation location, int order, ICollection<TemplateError> errors)
    {
        var parts = SplitFilters(text);
        var name = TextPlace.ParsePattern(parts[0].Trim(), location, order);
        if (name is null || name.Count == 0)
        {
            errors.Add(TemplateErrors.InvalidPlaceName(raw, location));
            return null;
        }

        IReadOnlyList<object>? title = null;
        string? help = null;
        foreach (var part in parts.Skip(1))
        {
            var option = part.Trim();
            var colon = option.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? option : option[..colon].Trim();
            var value = colon < 0 ? null : Unquote(option[(colon + 1)..].Trim());
            if (value is null || value.Length > TextPlace.MaxOptionLength || (key != "titre" && key != "aide"))
            {
                errors.Add(TemplateErrors.InvalidPlaceOption(raw, key, location));
                return null;
            }

            if (key == "titre")
            {
                title = TextPlace.ParsePattern(value, location, order, literalText: true);
                if (title is null)
                {
                    errors.Add(TemplateErrors.InvalidPlaceOption(raw, key, location));
                    return null;
                }
            }
            else
            {
                help = value;
            }
        }

        var place = new TextPlace(name, title ?? name, help ?? TextPlace.DefaultHelp);
        return new TemplateTag { Kind = TagKind.Text, Raw = raw, Path = [], Location = location, Order = order, Place = place };
    }

    private static FilterCall? ParseFilter(string text, string raw, TemplateLocation location, ICollection<TemplateError> errors)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim();
        string? argument = null;
        if (colon >= 0)
        {
            argument = Unquote(text[(colon + 1)..].Trim());
            if (argument is null)
            {
                errors.Add(TemplateErrors.InvalidFilterArgument(raw, location));
                return null;
            }
        }

        if (!TemplateFilters.IsKnown(name))
        {
            errors.Add(TemplateErrors.UnknownFilter(raw, name, location));
            return null;
        }

        if (TemplateFilters.CheckArgument(name, argument) is { } problem)
        {
            errors.Add(TemplateErrors.InvalidFilter(raw, name, problem, location));
            return null;
        }

        return new FilterCall(name, argument);
    }

    /// <summary>Splits on <c>|</c> outside quotes.</summary>
    private static List<string> SplitFilters(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == ClosingQuote(q))
                {
                    quote = null;
                }
            }
            else if (IsOpeningQuote(c))
            {
                quote = c;
            }
            else if (c == '|')
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static string? Unquote(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (IsOpeningQuote(text[0]))
        {
            var close = ClosingQuote(text[0]);
            if (text.Length < 2 || text[^1] != close)
            {
                return null;
            }

            return text[1..^1].Trim();
        }

        return text.All(c => char.IsLetterOrDigit(c) || c is ',' or '.' or '-' or '_') ? text : null;
    }

    // Word's autocorrect turns straight quotes into typographic ones: accept them all.
    private static bool IsOpeningQuote(char c) => c is '"' or '\'' or '«' or '“' or '‘' or '„';

    private static char ClosingQuote(char open) => open switch
    {
        '«' => '»',
        '“' => '”',
        '‘' => '’',
        '„' => '“',
        _ => open,
    };

    internal static bool IsName(string segment) =>
        segment.Length > 0 && (char.IsLetter(segment[0]) || segment[0] == '_') && segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');
}
