namespace Cdppe.Tests.Architecture;

/// <summary>
/// Layers of folders, lowest first: a folder may use the folders of its own layer and of the layers below, never one
/// above; and no folders may use each other in a cycle (in one layer, or through several). A folder that is in no
/// layer is reported too, so that a new folder is placed on purpose.
/// </summary>
public static class LayerRules
{
    public static IReadOnlyList<string> Violations(IEnumerable<FolderDependency> dependencies, IReadOnlyList<IReadOnlyList<string>> layers)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            foreach (var folder in layers[i])
            {
                rank[folder] = i;
            }
        }

        var edges = dependencies.ToList();
        var violations = new List<string>();
        foreach (var folder in edges.SelectMany(d => new[] { d.From, d.To }).Distinct(StringComparer.Ordinal).Where(f => !rank.ContainsKey(f)).Order(StringComparer.Ordinal))
        {
            violations.Add($"{folder} is in no layer");
        }

        foreach (var d in edges.Where(d => rank.TryGetValue(d.From, out var from) && rank.TryGetValue(d.To, out var to) && to > from))
        {
            violations.Add($"{d.From} uses {d.To}, a layer above it ({d.Example})");
        }

        foreach (var cycle in Cycles(edges))
        {
            violations.Add($"cycle between {string.Join(", ", cycle)}");
        }

        return violations;
    }

    /// <summary>The groups of folders that reach each other (strongly connected components of more than one folder).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<FolderDependency> dependencies)
    {
        var next = dependencies.GroupBy(d => d.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(d => d.To).ToList(), StringComparer.Ordinal);
        var folders = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        HashSet<string> Reach(string start)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var todo = new Stack<string>([start]);
            while (todo.TryPop(out var folder))
            {
                foreach (var to in next.GetValueOrDefault(folder) ?? [])
                {
                    if (seen.Add(to))
                    {
                        todo.Push(to);
                    }
                }
            }

            return seen;
        }

        var reach = folders.ToDictionary(f => f, Reach, StringComparer.Ordinal);
        return folders
            .Select(f => (IReadOnlyList<string>)folders.Where(g => g == f ? reach[f].Contains(f) : reach[f].Contains(g) && reach[g].Contains(f)).ToList())
            .Where(group => group.Count > 1)
            .DistinctBy(group => string.Join(",", group), StringComparer.Ordinal)
            .ToList();
    }
}
