using System.Collections;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A list that can describe its items when it is empty, so that tags inside an empty loop are still checked.</summary>
public sealed class TemplateList(IReadOnlyList<object?> items, IReadOnlyDictionary<string, object?>? shape = null) : IReadOnlyList<object?>
{
    public IReadOnlyDictionary<string, object?>? Shape { get; } = shape;

    public int Count => items.Count;

    public object? this[int index] => items[index];

    public IEnumerator<object?> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
