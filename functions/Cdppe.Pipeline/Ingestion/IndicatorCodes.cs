using System.Text;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Stable indicator codes: objective number + significant words of the normalised label, so that the same
/// indicator read from different workbooks is one entity ("O05-TAUX-IP-EVALUEES-DELAIS").
/// </summary>
public static class IndicatorCodes
{
    private const int MaxSlugLength = 48;

    private static readonly HashSet<string> StopWords =
    [
        "de", "des", "du", "la", "le", "les", "d", "l", "en", "et", "a", "au", "aux", "par", "pour", "dans", "sur", "un", "une", "source",
    ];

    public static string Derive(int? objective, string label)
    {
        var prefix = objective is { } o ? $"O{o:00}" : "OXX";
        return $"{prefix}-{Slug(label)}";
    }

    public static string Slug(string label)
    {
        var normalized = TextNormalizer.Normalize(label);
        var words = new StringBuilder();
        foreach (var word in normalized.Split([' ', '\'', '-', '/', '(', ')', ',', '.', ';', ':', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (clean.Length == 0 || StopWords.Contains(clean))
            {
                continue;
            }

            if (words.Length + clean.Length + 1 > MaxSlugLength)
            {
                break;
            }

            if (words.Length > 0)
            {
                words.Append('-');
            }

            words.Append(clean.ToUpperInvariant());
        }

        return words.Length == 0 ? "SANS-LIBELLE" : words.ToString();
    }
}
