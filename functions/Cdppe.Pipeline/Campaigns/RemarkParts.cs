using System.Text.RegularExpressions;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// The parts a remark may name: <c>ensemble</c> (the whole package), <c>fiche-{n}</c>, <c>indicateur-{code}</c>,
/// <c>rapport-financier-{ligne}</c> and <c>texte-{emplacement}</c>; and the page of the portal that shows each.
/// </summary>
public static partial class RemarkParts
{
    public const string Whole = "ensemble";

    public const int MaxTextLength = 2000;

    public const int MaxRemarks = 50;

    public static bool IsValid(string? part) => part is { Length: <= 80 } && Pattern().IsMatch(part);

    /// <summary>The portal page that shows a remark on <paramref name="part"/>.</summary>
    public static string Page(string part) =>
        part.StartsWith("fiche-", StringComparison.Ordinal) || part.StartsWith("indicateur-", StringComparison.Ordinal) ? "indicateurs" : "rapport";

    /// <summary>The part as users read it: « fiche 9 », « indicateur 9.1 », « ensemble du rapport ».</summary>
    public static string Label(string part) => part switch
    {
        Whole => "ensemble du rapport",
        _ when part.StartsWith("rapport-financier-", StringComparison.Ordinal) => "rapport financier, ligne " + part["rapport-financier-".Length..],
        _ when part.StartsWith("fiche-", StringComparison.Ordinal) => "fiche " + part["fiche-".Length..],
        _ when part.StartsWith("indicateur-", StringComparison.Ordinal) => "indicateur " + part["indicateur-".Length..],
        _ when part.StartsWith("texte-", StringComparison.Ordinal) => "texte « " + part["texte-".Length..] + " »",
        _ => part,
    };

    [GeneratedRegex("^(ensemble|fiche-[0-9]{1,3}|indicateur-[A-Za-z0-9._-]{1,40}|rapport-financier-[A-Za-z0-9._-]{1,40}|texte-[a-z0-9-]{1,60})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
