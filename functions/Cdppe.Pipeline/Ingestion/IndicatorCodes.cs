using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Stable indicator codes, in one place: objective number + significant words of the canonical label
/// ("O06-TAUX-IP-EVALUEES-DELAIS"), so that the same indicator read from the plan d'action, the tableau de bord and
/// the suivi mensuel is one entity. The canonical label folds the wording variants of the seeds: typos
/// ("entetien"), the département's own source suffix ("(source DREES / CD)"; other sources such as SNDS or INSEE
/// stay, they are different figures), production notes ("(à produire semestriellement)") and known paraphrases.
/// </summary>
public static partial class IndicatorCodes
{
    /// <summary>Paraphrases of one indicator: variant label → canonical label (both as users write them).</summary>
    private static readonly (string Variant, string Canonical)[] Aliases =
    [
        ("Nombre d'Informations entrantes", "Nombre d'IP entrantes"),
        ("Nombre d'évaluations d'IP rendues", "Nombre d'IP évaluées"),
        ("Nombre d'évaluations d'IP rendues dans les délais de 3 mois", "Nombre d'IP évaluées en moins de 3 mois"),
        ("Nombre d'IP évaluées sous 3 mois", "Nombre d'IP évaluées en moins de 3 mois"),
        ("Taux d'IP évaluées sous les 3 mois", "Taux d'IP évaluées sous 3 mois"),
        ("Part des femmes ayant bénéficié d'une VAD pré-natale ou post-natale réalisée par une sage-femme de PMI", "Part des femmes ayant bénéficié d'une VAD pré-natale réalisée par une sage-femme de PMI"),
        ("Nombre de mesures (AEMO/AEMOR) en attente", "Nombre d'AEMO en attente"),
        ("Part des enfants suivis en situation de handicap bénéficiant d'un PPE", "Part des enfants suivis en situation de handicap et bénéficiant d'un PPE"),
        ("Part des femmes enceintes du Département ayant bénéficié d'un entretien prénatal précoce réalisé par la PMI", "Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI"),
        ("Nombre de 1/2 journée consacrées aux actions collectives", "Nombre de demi-journées consacrées aux actions collectives"),
        ("Part de MNA ayant bénéficié d'un RDV des 17 ans", "Part de jeunes ayant bénéficié d'un RDV 17 ans"),
        ("Nombre d'enfants accueillis en relais parental Nombre de 1/2 journée consacrées aux actions collectives", "Nombre d'enfants accueillis en relais parental et nombre de demi-journées consacrées aux actions collectives"),
        ("Nombre de bilans médicaux réalisés pour les enfants chez les AF Nombre de bilans médicaux réalisés pour les enfants en établissements Nombre de bilans médicaux réalisés dans les 48 heures", "Nombre de bilans médicaux réalisés pour les enfants chez les AF Nombre de bilans médicaux réalisé pour les enfants en établissements Nombre de bilans médicaux réalisés dans les 48 heures"),
    ];

    /// <summary>Rates the seeds define from two counts of the same objective: rate ← (numerator, denominator), as labels.</summary>
    private static readonly (int Objective, string Rate, string Numerator, string Denominator)[] DerivedRates =
    [
        (6, "Taux d'IP évaluées dans les délais", "Nombre d'IP évaluées en moins de 3 mois", "Nombre d'IP évaluées"),
        (1, "Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI", "Nombre d'entretiens du 4e mois réalisés par la PMI", "Nombre de naissances vivantes selon le domicile de la mère (source INSEE)"),
        (2, "Part des enfants de 3-4 ans ayant bénéficié d'un bilan de santé à l'école maternelle réalisé par la PMI", "Nombre de bilans de santé en école maternelle réalisés par la PMI", "Cohorte d'enfants de 3-4 ans scolarisés en septembre N-1 (source Education nationale)"),
        (3, "Part des femmes ayant bénéficié d'une VAD pré-natale réalisée par une sage-femme de PMI", "Nombre de femmes ayant bénéficié d'une VAD pré-natale réalisée par une sage-femme de PMI", "Nombre de naissances vivantes au domicile de la mère (source INSEE)"),
        (4, "Part d'enfants ayant bénéficié d'une VAD réalisée par la PMI", "Nombre d'enfants ayant bénéficié d'une VAD réalisée par la PMI", "Nombre d'enfants de 0 à 6 ans (source INSEE)"),
        (5, "Part d'enfants ayant bénéficié d'un examen clinique par un médecin de PMI", "Nombre d'enfants ayant bénéficié d'un examen clinique réalisé par un médecin de PMI", "Nombre d'enfants de 0 à 6 ans (source INSEE)"),
    ];

    /// <summary>Texts that say there is no value yet; kept as text, never a milestone.</summary>
    private static readonly string[] Placeholders =
    [
        "indicateur en construction", "construction de l'indicateur en cours", "pas d'indicateur", "en construction", "nc", "non communique", "a definir", "x",
    ];

    private static readonly Dictionary<string, string> AliasSlugs = Aliases.ToDictionary(a => BaseSlug(a.Variant), a => BaseSlug(a.Canonical), StringComparer.Ordinal);

    private static readonly Dictionary<string, (string Numerator, string Denominator)> RateSlugs =
        DerivedRates.ToDictionary(r => Derive(r.Objective, r.Rate), r => (Derive(r.Objective, r.Numerator), Derive(r.Objective, r.Denominator)), StringComparer.Ordinal);

    /// <summary>The code of an indicator: "O06-…" for objective 6, "OXX-…" without objective.</summary>
    public static string Derive(int? objective, string label)
    {
        var prefix = objective is { } o ? string.Create(CultureInfo.InvariantCulture, $"O{o:00}") : "OXX";
        return $"{prefix}-{CanonicalSlug(label)}";
    }

    /// <summary>The canonical slug of a label: wording variants folded, so that aliases give the same code.</summary>
    public static string CanonicalSlug(string label)
    {
        var slug = BaseSlug(label);
        return AliasSlugs.TryGetValue(slug, out var canonical) ? canonical : slug;
    }

    /// <summary>Removes the département's own source ("(source DREES / CD)") and production notes from a label.</summary>
    public static string StripNotes(string label)
    {
        var text = OwnSource().Replace(label, " ");
        text = ProductionNote().Replace(text, " ");
        return Regex.Replace(text, @"\s+", " ").Trim().TrimEnd('.', ' ');
    }

    /// <summary>Rate or count or milestone, from the label ("Taux", "Part", "%") and the values seen (targets, baseline).</summary>
    public static IndicatorKind InferKind(string label, IEnumerable<ParsedValue> values)
    {
        var normalized = TextNormalizer.Normalize(StripNotes(label));
        var list = values.Where(v => v.Status is ValueStatus.Value or ValueStatus.Text).ToList();
        if (list.Any(v => v.Status == ValueStatus.Value && v.IsPercent)
            || RatePrefix().IsMatch(normalized)
            || normalized.Contains('%', StringComparison.Ordinal))
        {
            return IndicatorKind.Rate;
        }

        var texts = list.Where(v => v.Status == ValueStatus.Text && !IsPlaceholder(v.Text)).ToList();
        if (texts.Count > 0 && list.All(v => v.Status == ValueStatus.Text))
        {
            return IndicatorKind.Milestone;
        }

        return normalized.StartsWith("niveau de realisation", StringComparison.Ordinal) && list.Count == 0 ? IndicatorKind.Milestone : IndicatorKind.Count;
    }

    /// <summary>"Indicateur en construction", "Pas d'indicateur", "NC", "x": no value yet.</summary>
    public static bool IsPlaceholder(string? text)
    {
        var normalized = TextNormalizer.Normalize(text).TrimEnd('.');
        return normalized.Length == 0 || Placeholders.Contains(normalized);
    }

    /// <summary>For a derived rate, the codes of its numerator and denominator counts; null otherwise.</summary>
    public static (string Numerator, string Denominator)? DerivedRate(string code) =>
        RateSlugs.TryGetValue(code, out var parts) ? parts : null;

    private static string BaseSlug(string label) => TextNormalizer.Slug(StripNotes(label));

    [GeneratedRegex(@"\(\s*(?:source\s*:?\s*)?(?:drees\s*/\s*cd|cd\s*/\s*drees|cd|drees|conseil d[ée]partemental)\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnSource();

    [GeneratedRegex(@"\(\s*[àa] produire[^)]*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProductionNote();

    [GeneratedRegex(@"^(taux|part|pourcentage|proportion|ratio)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RatePrefix();
}
