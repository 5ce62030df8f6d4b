using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdppe.Pipeline.Model;

/// <summary>
/// The national list of objectives (annexe 2 of the contract) and the matching of an objective cell to its number:
/// "Objectif 5 : …" gives the number; otherwise the wording is compared with the national wording (the documents
/// paraphrase it: "Doublé au niveau national les visites…", "horizon 2023", a "Cible nationale…" note appended).
/// </summary>
public static partial class NationalObjectives
{
    /// <summary>Share of the national wording's words that a cell must contain to be recognised.</summary>
    public const double MinimumCoverage = 0.75;

    public static IReadOnlyList<NationalObjective> All { get; } =
    [
        new(1, "Atteindre à horizon 2022 un taux de couverture par la PMI d'au moins 20 % des entretiens prénataux précoces au niveau national", "Engagement 1"),
        new(2, "Faire progresser le nombre de bilans de santé en école maternelle réalisés par la PMI et se rapprocher du contenu de l'examen de santé tel que défini dans le carnet de santé", "Engagement 1"),
        new(3, "Doubler au niveau national le nombre de visites à domicile pré et postnatales réalisées par des sages-femmes de PMI en faveur des familles vulnérables", "Engagement 1"),
        new(4, "Permettre qu'à horizon 2022, au niveau national, au moins 15 % des enfants bénéficient de l'intervention à domicile d'infirmières puéricultrices de la PMI, notamment jusqu'aux deux ans de l'enfant et dans les familles vulnérables", "Engagement 1"),
        new(5, "Permettre qu'à horizon 2022, au niveau national, au moins 20 % des enfants bénéficient de consultations infantiles", "Engagement 1"),
        new(6, "Renforcer les moyens, les ressources et la pluridisciplinarité des cellules de recueil des informations préoccupantes (CRIP) pour atteindre sur l'ensemble du territoire un délai maximal de trois mois par évaluation", "Engagement 2"),
        new(7, "Systématiser et renforcer les protocoles informations préoccupantes (IP)", "Engagement 2"),
        new(8, "Systématiser un volet « maîtrise des risques » dans les schémas départementaux de protection de l'enfance, incluant un plan de contrôle des établissements et services", "Engagement 2"),
        new(9, "Garantir l'accompagnement de tous les enfants protégés en situation de handicap", "Engagement 2"),
        new(10, "Systématiser la participation des enfants et des jeunes aux observatoires départementaux de la protection de l'enfance (ODPE)", "Engagement 3"),
        new(11, "Renforcer les ODPE", "Conditions pour y parvenir"),
        new(12, "Renforcer les interventions de travailleurs en intervention sociale et familiale (TISF)", "Engagement 1"),
        new(13, "Soutenir les actions innovantes en PMI en matière de santé publique", "Engagement 1"),
        new(14, "Créer 20 nouveaux relais parentaux sur le territoire à horizon 2022", "Engagement 1"),
        new(15, "Soutenir les parents en situation de handicap", "Engagement 1"),
        new(16, "Soutenir les parents d'enfants en situation de handicap", "Engagement 1"),
        new(17, "Mieux articuler les contrôles État / département", "Engagement 2"),
        new(18, "Créer 600 nouvelles places d'accueil en fratries au niveau national à horizon 2022", "Engagement 2"),
        new(19, "Diversifier l'offre en matière de protection de l'enfance à domicile", "Engagement 2"),
        new(20, "Structurer le soutien aux tiers de confiance et aux tiers bénévoles", "Engagement 2"),
        new(21, "Développer les centres parentaux", "Engagement 2"),
        new(22, "Systématiser les mesures d'accompagnement au retour à domicile", "Engagement 2"),
        new(23, "Développer le parrainage, le soutien scolaire, etc.", "Engagement 2"),
        new(24, "Mettre en place des dispositifs d'accompagnement global et passerelles, notamment pour les jeunes en situation de handicap", "Engagement 4"),
        new(25, "Favoriser l'accès aux droits et l'accompagnement vers l'autonomie des anciens mineurs non accompagnés (MNA)", "Engagement 4"),
        new(26, "Renforcer la formation des professionnels", "Conditions pour y parvenir"),
    ];

    private static readonly HashSet<string> StopWords =
    [
        "les", "des", "une", "aux", "pour", "dans", "sur", "par", "avec", "qui", "que", "tout", "tous", "toute", "toutes", "etc", "leur", "leurs", "ces", "son", "sont",
        "moins", "plus", "cible", "nationale",
    ];

    /// <summary>Spelled-out forms folded to the abbreviation the documents also use.</summary>
    private static readonly (string Long, string Short)[] Abbreviations =
    [
        ("mineurs non accompagnes", "mna"),
        ("prenatals", "prenataux"),
        ("observatoires departementaux de la protection de l'enfance", "odpe"),
    ];

    private static readonly Dictionary<int, HashSet<string>> Words = All.ToDictionary(o => o.Numero, o => Tokens(o.Libelle));

    public static NationalObjective? Get(int? numero) => numero is >= 1 and <= 26 ? All[numero.Value - 1] : null;

    /// <summary>True for "Sans objectif" cells (fiches 25, 38, 40, 41).</summary>
    public static bool IsWithoutObjective(string? text) => TextNormalizer.Normalize(text).StartsWith("sans objectif", StringComparison.Ordinal);

    /// <summary>Every objective number a cell names ("Objectif 9 : … Objectif 26 : …"), in order.</summary>
    public static IReadOnlyList<int> NumbersIn(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return NumberPattern().Matches(normalized)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(n => n is >= 1 and <= 26)
            .Distinct()
            .ToList();
    }

    /// <summary>The objective a cell designates, by its number ("Objectif 5 : …", "5") or by its wording; null when unknown.</summary>
    public static int? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || IsWithoutObjective(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            return bare is >= 1 and <= 26 ? bare : null;
        }

        if (NumbersIn(trimmed) is [var first, ..])
        {
            return first;
        }

        var tokens = Tokens(trimmed);
        if (tokens.Count == 0)
        {
            return null;
        }

        var best = Words
            .Select(w => (Numero: w.Key, Coverage: (double)w.Value.Count(tokens.Contains) / w.Value.Count, Dice: 2.0 * w.Value.Count(tokens.Contains) / (w.Value.Count + tokens.Count)))
            .Where(s => s.Coverage >= MinimumCoverage)
            .OrderByDescending(s => s.Coverage)
            .ThenByDescending(s => s.Dice)
            .FirstOrDefault();
        return best.Numero == 0 ? null : best.Numero;
    }

    private static HashSet<string> Tokens(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        foreach (var (longForm, shortForm) in Abbreviations)
        {
            normalized = normalized.Replace(longForm, shortForm, StringComparison.Ordinal);
        }

        var words = normalized.Split([' ', '\'', '-', '/', '(', ')', ',', '.', ';', ':', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var clean = new string(word.Where(char.IsAsciiLetter).ToArray());
            if (clean.Length < 3 || StopWords.Contains(clean) || clean.Length != word.Length && word.Any(char.IsAsciiDigit))
            {
                continue;
            }

            result.Add(clean.EndsWith('s') && clean.Length > 4 ? clean[..^1] : clean);
        }

        return result;
    }

    [GeneratedRegex(@"objectif\s*(?:n\s*°|no|n°)?\s*(\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
