namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A parsed tag. The path is a list of names (<c>fiche.objectif.numero</c>); an empty path is the current item (<c>.</c>).</summary>
public sealed class TemplateTag
{
    public required TagKind Kind { get; init; }

    /// <summary>The tag as written, delimiters included.</summary>
    public required string Raw { get; init; }

    public required IReadOnlyList<string> Path { get; init; }

    public IReadOnlyList<FilterCall> Filters { get; init; } = [];

    public required TemplateLocation Location { get; init; }

    /// <summary>For a <see cref="TagKind.Text"/> tag: its name, title and help text.</summary>
    public TextPlace? Place { get; init; }

    /// <summary>Position of the tag in its part (document order).</summary>
    public int Order { get; init; }

    public string PathText => Path.Count == 0 ? "." : string.Join('.', Path);

    public bool IsLoopTag => Kind is TagKind.Section or TagKind.Inverted or TagKind.Close;

    public override string ToString() => Raw;
}
