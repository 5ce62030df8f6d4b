using System.Text.RegularExpressions;

namespace Cdppe.Pipeline.Model;

/// <summary>Reads the actions written in a cell of an annexe 2.1 or of a rapport financier keyed by action.</summary>
public static partial class ContractActions
{
    /// <summary>"Action n°9-1: Création… Action n°9-2: Création…" → 9-1 and 9-2; a text without "Action n°…" is one action without code.</summary>
    public static IReadOnlyList<ContractAction> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var matches = ActionPattern().Matches(text);
        if (matches.Count == 0)
        {
            return [new ContractAction(null, text.Trim())];
        }

        var result = new List<ContractAction>();
        for (var i = 0; i < matches.Count; i++)
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var label = text[(matches[i].Index + matches[i].Length)..end].Trim().TrimStart(':', '-', '–').Trim();
            result.Add(new ContractAction(Code(matches[i]), label.Length == 0 ? text[matches[i].Index..end].Trim() : label));
        }

        return result;
    }

    /// <summary>The code of the first action named in a text ("Action n°9-1" → "9-1"), or null.</summary>
    public static string? CodeOf(string? text) => text is null ? null : ActionPattern().Match(text) is { Success: true } m ? Code(m) : null;

    private static string Code(Match match) => Separator().Replace(match.Groups["code"].Value, "-");

    [GeneratedRegex(@"\s*[-.]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\baction\s*(?:n\s*°|n°|no\.?|nº)?\s*(?<code>\d{1,3}(?:\s*[-.]\s*\d{1,3})?)\b\s*:?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ActionPattern();
}
