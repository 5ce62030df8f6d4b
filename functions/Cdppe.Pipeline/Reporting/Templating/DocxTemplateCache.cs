namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Compiled templates by content hash (their version): a template is compiled once, including a broken one, whose
/// errors are kept. Bounded by count and by the bytes the compiled templates hold (<see cref="DocxTemplate.Footprint"/>):
/// beyond either, the least recently used are dropped (the one just used is always kept), so that templates
/// replaced over time, or many départements' large ones, do not stay in memory.
/// </summary>
public sealed class DocxTemplateCache(int capacity = 16, long maxBytes = DocxTemplateCache.DefaultMaxBytes)
{
    /// <summary>128 MB: the built-in template compiled holds about 0,1 MB; six templates of the largest accepted file fit.</summary>
    public const long DefaultMaxBytes = 128L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Lazy<DocxTemplate>> entries = new(StringComparer.Ordinal);

    /// <summary>Hashes, least recently used first.</summary>
    private readonly List<string> order = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The footprint of the compiled templates held (broken ones count for nothing).</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return HeldBytes();
            }
        }
    }

    public DocxTemplate GetOrCompile(byte[] docx)
    {
        var hash = DocxTemplate.HashOf(docx);
        Lazy<DocxTemplate>? entry;
        lock (gate)
        {
            if (!entries.TryGetValue(hash, out entry))
            {
                entry = new Lazy<DocxTemplate>(() => DocxTemplate.Compile(docx), LazyThreadSafetyMode.ExecutionAndPublication);
                entries[hash] = entry;
            }

            order.Remove(hash);
            order.Add(hash);
        }

        try
        {
            return entry.Value;
        }
        finally
        {
            lock (gate)
            {
                Trim(keep: hash);
            }
        }
    }

    private long HeldBytes() => entries.Values.Where(e => e.IsValueCreated).Sum(e => e.Value.Footprint);

    private void Trim(string keep)
    {
        var bytes = HeldBytes();
        var i = 0;
        while ((entries.Count > capacity || bytes > maxBytes) && i < order.Count)
        {
            var hash = order[i];
            if (hash == keep || !entries.TryGetValue(hash, out var entry))
            {
                i++;
                continue;
            }

            if (entry.IsValueCreated)
            {
                bytes -= entry.Value.Footprint;
            }

            entries.Remove(hash);
            order.RemoveAt(i);
        }
    }
}
