namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The texts a rendering puts back into their places (name → fragment of <see cref="TextFragment"/>), and what it
/// wrote: the places in document order and the list numberings their texts need.
/// </summary>
internal sealed class TextPlaceRendering(IReadOnlyDictionary<string, string> texts)
{
    /// <summary>The numbering of bulleted lists (shared by every text).</summary>
    public const int BulletNumbering = 9101;

    /// <summary>The abstract numbering of numbered lists; each text gets a numbering of its own from <see cref="FirstNumbered"/> on, so that it starts at 1.</summary>
    public const int NumberedNumbering = 9102;

    public const int FirstNumbered = 9200;

    /// <summary>Bookmark ids of the places, above the ids Word and the template use.</summary>
    public const int FirstBookmarkId = 900_000;

    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public List<RenderedPlace> Places { get; } = [];

    public bool UsesBullets { get; set; }

    public List<int> NumberedLists { get; } = [];

    public string? TextOf(string name) => texts.GetValueOrDefault(name);

    /// <summary>Records a place; false when the name was written already.</summary>
    public bool Add(RenderedPlace place)
    {
        if (!names.Add(place.Name))
        {
            return false;
        }

        Places.Add(place);
        return true;
    }

    public int NewNumberedList()
    {
        var id = FirstNumbered + NumberedLists.Count;
        NumberedLists.Add(id);
        return id;
    }
}
