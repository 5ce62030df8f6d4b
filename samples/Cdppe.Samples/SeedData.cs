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
