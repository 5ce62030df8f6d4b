namespace Cdppe.Pipeline.Storage;

/// <summary>Replaced ingestions: ingestion id → the kinds a drop replaced in it.</summary>
public sealed class Superseded : Dictionary<string, SortedSet<string>>
{
    public Superseded()
        : base(StringComparer.Ordinal)
    {
    }

    public void Add(string ingestionId, string kind)
    {
        if (!TryGetValue(ingestionId, out var kinds))
        {
            kinds = new SortedSet<string>(StringComparer.Ordinal);
            this[ingestionId] = kinds;
        }

        kinds.Add(kind);
    }
}
