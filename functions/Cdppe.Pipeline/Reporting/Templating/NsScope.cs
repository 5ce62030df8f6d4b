namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>Namespace prefixes in force at a point of the XML being written (an immutable chain).</summary>
internal sealed class NsScope
{
    private readonly NsScope? parent;
    private readonly Dictionary<string, string> declared;

    private NsScope(NsScope? parent, Dictionary<string, string> declared)
    {
        this.parent = parent;
        this.declared = declared;
    }

    public static NsScope Empty { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal) { ["xml"] = "http://www.w3.org/XML/1998/namespace" });

    public string? Lookup(string prefix)
    {
        for (var s = this; s is not null; s = s.parent)
        {
            if (s.declared.TryGetValue(prefix, out var uri))
            {
                return uri;
            }
        }

        return null;
    }

    public NsScope With(IReadOnlyCollection<KeyValuePair<string, string>> declarations) =>
        declarations.Count == 0 ? this : new NsScope(this, declarations.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}
