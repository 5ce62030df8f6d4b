namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A place for the département's own text, <c>{{texte:nom | titre:"…" | aide:"…"}}</c>: rendered as a Word content
/// control whose tag is the name, whose title is shown in Word and whose grey placeholder is the help text; a text
/// kept for that name (<see cref="TextPlaceNode"/>) is put back in it. <c>[chemin]</c> in the name or the title is
/// replaced by a value (<c>synthese-[numero]</c> gives <c>synthese-1</c>, <c>synthese-2</c>… in a loop).
/// </summary>
/// <param name="Name">The name: literal pieces (lower-case letters, digits, <c>-</c>) and value tags.</param>
/// <param name="Title">The title users see: any text and value tags.</param>
/// <param name="Help">The placeholder text.</param>
public sealed record TextPlace(IReadOnlyList<object> Name, IReadOnlyList<object> Title, string Help)
{
    public const string Prefix = "texte:";

    /// <summary>Longest name once its values are in (the bookmark that marks it is limited to 40 characters by Word).</summary>
    public const int MaxNameLength = 36;

    public const int MaxOptionLength = 500;

    public const string DefaultHelp = "[Texte à rédiger par le Département.]";

    /// <summary>The hidden bookmark around a place's content: LibreOffice keeps it, and the control's title, where it drops the control's tag.</summary>
    public const string BookmarkPrefix = "_t_";

    public static string BookmarkName(string name) => BookmarkPrefix + name.Replace('-', '_');

    /// <summary>The place a bookmark marks, or null.</summary>
    public static string? NameOfBookmark(string? bookmark) =>
        bookmark is not null && bookmark.StartsWith(BookmarkPrefix, StringComparison.Ordinal) && bookmark.Length > BookmarkPrefix.Length
            ? bookmark[BookmarkPrefix.Length..].Replace('_', '-')
            : null;

    /// <summary>A place name: 1 to <see cref="MaxNameLength"/> lower-case ASCII letters, digits and <c>-</c>.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(IsNameCharacter);

    private static bool IsNameCharacter(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    /// <summary>Literal text and <c>[chemin]</c> values; null when a name has another character or a value path is not a name.</summary>
    internal static List<object>? ParsePattern(string text, TemplateLocation location, int order, bool literalText = false)
    {
        var pieces = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('[', i);
            var literal = open < 0 ? text[i..] : text[i..open];
            if (!literalText && !literal.All(IsNameCharacter))
            {
                return null;
            }

            if (literal.Length > 0)
            {
                pieces.Add(literal);
            }

            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf(']', open);
            if (close < 0)
            {
                return null;
            }

            var path = text[(open + 1)..close].Trim().Split('.');
            if (!path.All(TagParser.IsName))
            {
                return null;
            }

            pieces.Add(new TemplateTag { Kind = TagKind.Value, Raw = text[open..(close + 1)], Path = path, Location = location, Order = order });
            i = close + 1;
        }

        return pieces;
    }
}
