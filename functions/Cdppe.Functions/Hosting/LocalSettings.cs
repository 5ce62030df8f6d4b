using System.Text.Json;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// Reads <c>local.settings.json</c> the way Core Tools does (its <c>Values</c> become configuration; <c>__</c> is a
/// section separator), falling back to the committed sample so that a fresh clone runs without copying it.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    public static string? Find(string contentRoot)
    {
        foreach (var directory in new[] { AppContext.BaseDirectory, contentRoot })
        {
            foreach (var name in new[] { FileName, SampleFileName })
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    public static Dictionary<string, string?> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (json.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return values;
    }
}
