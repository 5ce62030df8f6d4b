using System.Text.RegularExpressions;

namespace Cdppe.Pipeline.Model;

/// <summary>
/// French typography of printed text: a no-break space inside « » and before <c>:</c> <c>;</c> <c>!</c> <c>?</c>
/// <c>%</c> <c>€</c> (a line never starts with them, nor ends with « ), and amounts and funding modalities kept whole
/// (« 100 000/AM » never broken at its space or its slash). Applied to the report's texts and data.
/// </summary>
public static partial class FrenchTypography
{
    private const char NoBreakSpace = '\u00A0';
    private const char WordJoiner = '\u2060';

    public static string Apply(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var result = SpaceBeforeSign().Replace(text, m => NoBreakSpace + m.Groups[1].Value);
        result = result.Replace("« ", "«\u00A0", StringComparison.Ordinal).Replace(" »", "\u00A0»", StringComparison.Ordinal);
        result = DigitGroups().Replace(result, m => m.Groups[1].Value + NoBreakSpace + m.Groups[2].Value);
        return ModalitySlash().Replace(result, m => m.Groups[1].Value + WordJoiner + "/" + WordJoiner + m.Groups[2].Value);
    }

    [GeneratedRegex(@"[ \u202F]([:;!?%€])")]
    private static partial Regex SpaceBeforeSign();

    /// <summary>"100 000", "1 178 866": a space between a digit and a group of three digits.</summary>
    [GeneratedRegex(@"(\d) (?=\d{3}(?!\d))(\d)")]
    private static partial Regex DigitGroups();

    /// <summary>"000/AM", "ONDAM/ETAT": a slash between a digit or a capital and a capital.</summary>
    [GeneratedRegex(@"([0-9A-Z])/([A-Z])")]
    private static partial Regex ModalitySlash();
}
