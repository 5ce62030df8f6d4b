using System.Globalization;
using Azure;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// One version of a département's dataset pointers (dataset key → ingestion id), read in one single-entity read:
/// every store read through the same head sees the datasets of the same moment, never half of an ingestion.
/// </summary>
public sealed class DatasetHead(string partition, IReadOnlyDictionary<string, string> current, ETag etag)
{
    public string Partition { get; } = partition;

    public IReadOnlyDictionary<string, string> Current { get; } = current;

    /// <summary>The version read (default when the département has no dataset yet).</summary>
    public ETag ETag { get; } = etag;

    public static DatasetHead Empty(string partition) => new(partition, new Dictionary<string, string>(StringComparer.Ordinal), default);

    /// <summary>The ingestion whose rows are the current version of <paramref name="key"/>, or null.</summary>
    public string? Of(string key) => Current.GetValueOrDefault(key);

    /// <summary>The current datasets of a kind: (key, ingestion id).</summary>
    public IEnumerable<KeyValuePair<string, string>> OfKind(string kind) =>
        Current.Where(c => DatasetKeys.KindOf(c.Key) == kind).OrderBy(c => c.Key, StringComparer.Ordinal);

    /// <summary>The years of the current datasets of a yearly kind.</summary>
    public IReadOnlyList<int> Years(string kind) =>
        OfKind(kind).Select(c => c.Key.Length > kind.Length && int.TryParse(c.Key[(kind.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0).Where(y => y > 0).Order().ToList();
}
