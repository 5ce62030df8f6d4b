using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cdppe.Pipeline.Model;

/// <summary>Normalises labels for matching: lower case, no accents, single spaces, look-alike characters folded.</summary>
public static class TextNormalizer
{
    private const int MaxSlugLength = 60;

    private static readonly HashSet<string> StopWords =
    [
        "de", "des", "du", "la", "le", "les", "d", "l", "en", "et", "a", "au", "aux", "par", "pour", "dans", "sur", "un", "une", "source", "qu",
    ];

    /// <summary>Word-level fixes applied before anything else (typos and agreement variants seen in the seeds).</summary>
    private static readonly Dictionary<string, string> WordFixes = new(StringComparer.Ordinal)
    {
        ["entetien"] = "entretien",
        ["entetiens"] = "entretiens",
        ["beneficaint"] = "beneficiant",
        ["realisaton"] = "realisation",
        ["evalues"] = "evaluees",
        ["nombres"] = "nombre",
        ["infirmiers"] = "infirmieres",
    };

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // Unicode normalisation throws on lone surrogates and U+FFFE: such characters never match anything anyway.
        var decomposed = UnicodeText.Clean(text).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var ch = Fold(raw);
            if (char.IsWhiteSpace(ch) || ch == '_')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(ch));
        }

        return builder.ToString();
    }

    /// <summary>Folds typographic and Cyrillic/Greek look-alikes to their ASCII forms.</summary>
    private static char Fold(char ch) => ch switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        '\u0430' => 'a', '\u0410' => 'A', '\u0435' => 'e', '\u0415' => 'E', '\u043E' => 'o', '\u041E' => 'O',
        '\u0440' => 'p', '\u0420' => 'P', '\u0441' => 'c', '\u0421' => 'C', '\u0445' => 'x', '\u0425' => 'X',
        '\u0456' => 'i', '\u0406' => 'I', '\u0455' => 's', '\u0405' => 'S', '\u0458' => 'j', '\u0408' => 'J',
        '\u041C' => 'M', '\u0422' => 'T', '\u041D' => 'H', '\u0412' => 'B', '\u041A' => 'K',
        '\u03BF' => 'o', '\u039F' => 'O', '\u03B1' => 'a', '\u0391' => 'A', '\u0395' => 'E', '\u0399' => 'I',
        '\u0152' => 'O', '\u0153' => 'o',
        _ => ch,
    };

    /// <summary>Upper-case significant words of a label ("TAUX-IP-EVALUEES-DELAIS"); used for keys as well.</summary>
    public static string Slug(string label)
    {
        var normalized = TextNormalizer.Normalize(label);
        var words = new List<string>();
        foreach (var word in normalized.Split([' ', '\'', '-', '/', '(', ')', ',', '.', ';', ':', '"', '«', '»', '+', '*', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (clean.Length == 0 || StopWords.Contains(clean))
            {
                continue;
            }

            words.Add(WordFixes.GetValueOrDefault(clean, clean).ToUpperInvariant());
        }

        if (words.Count == 0)
        {
            return "SANS-LIBELLE";
        }

        var full = string.Join('-', words);
        if (full.Length <= MaxSlugLength)
        {
            return full;
        }

        // Long labels: the first words, plus a short hash of the whole so that two labels sharing a long prefix differ.
        var kept = new StringBuilder();
        foreach (var word in words)
        {
            if (kept.Length + word.Length + 1 > MaxSlugLength - 5)
            {
                break;
            }

            kept.Append(kept.Length == 0 ? string.Empty : "-").Append(word);
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..4];
        return $"{kept}-{hash}";
    }
}
