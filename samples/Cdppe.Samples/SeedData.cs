using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cdppe.Samples;

/// <summary>The facts of the seed documents (samples/data/*.json), embedded so that tests need nothing outside the repo.</summary>
public static class SeedData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static IReadOnlyList<RapportFinancierRow> RapportFinancier2022 { get; } = Load<List<RapportFinancierRow>>("rapport-financier-2022.json");

    public static IReadOnlyList<TableauDeBordRow> TableauDeBord { get; } = Load<List<TableauDeBordRow>>("tableau-de-bord-2020.json");

    public static IReadOnlyList<ObjectifRow> Objectifs { get; } = Load<List<ObjectifRow>>("objectifs.json");

    public static IReadOnlyList<PlanActionFiche> PlanAction { get; } = Load<List<PlanActionFiche>>("plan-action-2020-2022.json");

    public static IReadOnlyList<FicheBilanRow> Fiches2022 { get; } = Load<List<FicheBilanRow>>("fiches-2022.json");

    public static SyntheseData Synthese { get; } = Load<SyntheseData>("synthese-objectifs-2020-2022.json");

    /// <summary>Seed 002: the annexe 2.1 of 2023, with the 2024 funding.</summary>
    public static AnnexeData Annexe21 { get; } = Load<AnnexeData>("annexe-2-1-2023-2024.json");

    /// <summary>The annexe 2.1 of 2024 built from seed 002's "Financements 2024" column (see the file's <c>source</c>).</summary>
    public static AnnexeData Annexe21Of2024 { get; } = Load<AnnexeData>("annexe-2-1-2024.json");

    /// <summary>A rapport financier of 2023 keyed by action, on the annexe 2.1 of 2023 (consumed amounts illustrative).</summary>
    public static RapportActionsData RapportFinancierActions2023 { get; } = Load<RapportActionsData>("rapport-financier-2023-actions.json");

    private static T Load<T>(string name)
    {
        using var stream = typeof(SeedData).Assembly.GetManifestResourceStream("seed/" + name)
            ?? throw new InvalidOperationException($"Embedded seed file {name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidOperationException($"Seed file {name} is empty.");
    }
}

public sealed record RapportFinancierRow(
    string Ligne,
    string Engagement,
    int? Fiche,
    string? Mesure,
    string? Objectif,
    [property: JsonPropertyName("budget_global")] decimal? BudgetGlobal,
    decimal? Departement,
    decimal? Fir,
    decimal? Etat,
    decimal? Ondam,
    string? Modalite,
    [property: JsonPropertyName("consomme_au_31_12_2021")] decimal? ConsommeAu31122021,
    [property: JsonPropertyName("consomme_en_2022")] decimal? ConsommeEn2022,
    [property: JsonPropertyName("consomme_2020_2022")] decimal? Consomme20202022);

public sealed record TableauDeBordRow(
    string Engagement,
    string? Mesure,
    string? Objectif,
    string Indicateur,
    [property: JsonPropertyName("diagnostic_2019")] string? Diagnostic2019,
    Dictionary<string, string?>? Cibles,
    Dictionary<string, string?>? Atteint,
    [property: JsonPropertyName("date_donnee")] string? DateDonnee,
    string? Source);

public sealed record ObjectifRow(int Numero, string Libelle, string Nature, string Engagement);

public sealed record PlanActionFiche(int Numero, string Intitule, string Theme, int? Objectif, string Nature, IReadOnlyList<PlanActionIndicator> Indicateurs, PlanActionFinancement Financement);

public sealed record PlanActionIndicator(
    string? Libelle,
    [property: JsonPropertyName("fondamental_marque")] bool FondamentalMarque,
    string? Additionnel,
    Dictionary<string, string?> Cibles);

public sealed record PlanActionFinancement(
    decimal? Total,
    [property: JsonPropertyName("masse_salariale")] Dictionary<string, decimal?> MasseSalariale,
    [property: JsonPropertyName("budget_dgas")] Dictionary<string, decimal?> BudgetDgas,
    [property: JsonPropertyName("total_cd")] Dictionary<string, decimal?> TotalCd,
    [property: JsonPropertyName("cofinancement_source")] string? CofinancementSource,
    JsonElement Cofinancement)
{
    /// <summary>The co-financing lines: one object in the seed, or a list when two funders share a fiche.</summary>
    public IReadOnlyList<(string? Source, Dictionary<string, decimal?> Amounts)> Cofinancements()
    {
        static Dictionary<string, decimal?> Amounts(JsonElement e) => e.EnumerateObject()
            .Where(p => p.Name != "source")
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDecimal() : (decimal?)null);
        return Cofinancement.ValueKind == JsonValueKind.Array
            ? Cofinancement.EnumerateArray().Select(e => (e.GetProperty("source").GetString(), Amounts(e))).ToList()
            : [(CofinancementSource, Amounts(Cofinancement))];
    }
}

public sealed record FicheBilanRow(
    int Numero,
    string Intitule,
    int? Objectif,
    string? Referent,
    string? Constat,
    [property: JsonPropertyName("objectif_operationnel")] string? ObjectifOperationnel,
    string? Description,
    string? Acteurs,
    [property: JsonPropertyName("moyens_total_eur")] decimal? MoyensTotalEur,
    [property: JsonPropertyName("bilan_financier")] string? BilanFinancier,
    [property: JsonPropertyName("bilan_qualitatif")] string? BilanQualitatif,
    [property: JsonPropertyName("a_poursuivre")] string? APoursuivre);

public sealed record SyntheseData(string Periode, SyntheseTotal Total, IReadOnlyList<SyntheseObjectif> Objectifs);

public sealed record SyntheseTotal(decimal Departement, decimal Etat, decimal Total);

public sealed record SyntheseObjectif(
    string Engagement,
    string? Mesure,
    int? Objectif,
    [property: JsonPropertyName("objectif_libelle")] string? ObjectifLibelle,
    IReadOnlyList<int> Fiches,
    string? Partenaires,
    decimal? Departement,
    decimal? Etat,
    decimal? Total,
    string? Modalite,
    [property: JsonPropertyName("actions_2022")] string? Actions2022);

public sealed record AnnexeData(
    [property: JsonPropertyName("departement_source")] string DepartementSource,
    int Annee,
    [property: JsonPropertyName("annee_suivante")] int? AnneeSuivante,
    IReadOnlyList<AnnexeLigne> Lignes);

public sealed record AnnexeLigne(
    string Engagement,
    string? Mesure,
    int? Objectif,
    [property: JsonPropertyName("objectif_libelle")] string? ObjectifLibelle,
    string Actions,
    [property: JsonPropertyName("source_etat")] string? SourceEtat,
    decimal? Departement,
    decimal? Etat,
    decimal? Total,
    [property: JsonPropertyName("autres_financements")] string? AutresFinancements,
    [property: JsonPropertyName("financement_annee_suivante")] decimal? FinancementAnneeSuivante);

public sealed record RapportActionsData([property: JsonPropertyName("departement_source")] string DepartementSource, int Annee, IReadOnlyList<RapportActionLigne> Lignes);

public sealed record RapportActionLigne(int Objectif, string Action, decimal Consomme);
