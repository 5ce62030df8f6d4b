using System.Text.RegularExpressions;

namespace Cdppe.Tests.Reporting;

/// <summary>
/// Printed texts read back without the report's French typography, for the tests about what the report says (the
/// typography has tests of its own, with the no-break spaces written out).
/// </summary>
internal static partial class PrintedText
{
    /// <summary>No-break spaces of the punctuation (before : ; ! ? and a % after a word, inside « ») as spaces, word joiners removed; those of amounts kept.</summary>
    public static string Unpunctuated(string text) =>
        PunctuationSpace().Replace(text.Replace("\u2060", string.Empty, StringComparison.Ordinal), " ")
            .Replace("«\u00A0", "« ", StringComparison.Ordinal);

    /// <summary>Every no-break space as a space, word joiners removed.</summary>
    public static string Plain(string? text) => (text ?? string.Empty).Replace("\u2060", string.Empty, StringComparison.Ordinal).Replace('\u00A0', ' ');

    [GeneratedRegex(@"\u00A0(?=[:;!?»])|(?<=\p{L})\u00A0(?=%)")]
    private static partial Regex PunctuationSpace();
}
