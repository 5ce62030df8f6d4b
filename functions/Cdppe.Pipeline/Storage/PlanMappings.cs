using System.Globalization;
using System.Text.Json;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Row keys and entity mappings of the Fiches, PlannedFunding, Objectives and IndicatorSources tables.</summary>
public static class PlanMappings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string FicheKey(int numero) => string.Create(CultureInfo.InvariantCulture, $"F{numero:D3}");

    public static string BilanKey(int year, int numero) => string.Create(CultureInfo.InvariantCulture, $"{year}|F{numero:D3}");

    public static string BilanYearPrefix(int year) => string.Create(CultureInfo.InvariantCulture, $"{year}|");

    public static string FundingKey(int fiche, int year) => string.Create(CultureInfo.InvariantCulture, $"F{fiche:D3}|{year}");

    public static string ObjectivePrefix(string kind, string period) => $"{kind}|{period}|";

    public static string ObjectiveKey(ObjectivePlan plan) => ObjectivePrefix(plan.Kind, plan.Period) + plan.Order.ToString("D3", CultureInfo.InvariantCulture);

    public static string SourcePrefix(string kind) => kind + "|";

    public static FicheEntity ToEntity(string partition, string ingestionId, string sourceKind, FicheDefinition d) => new()
    {
        PartitionKey = partition,
        RowKey = FicheKey(d.Numero),
        Numero = d.Numero,
        Year = 0,
        Intitule = d.Intitule,
        Objectif = d.Objectif,
        Theme = d.Theme,
        Nature = d.Nature,
        Referent = d.Referent,
        PlannedTotal = d.PlannedTotal is { } t ? (double)t : null,
        IngestionId = ingestionId,
        SourceKind = sourceKind,
        SourceCell = d.SourceCell,
    };

    public static FicheEntity ToEntity(string partition, string ingestionId, FicheBilan b) => new()
    {
        PartitionKey = partition,
        RowKey = BilanKey(b.Year, b.Numero),
        Numero = b.Numero,
        Year = b.Year,
        Intitule = b.Intitule ?? string.Empty,
        Objectif = b.Objectif,
        Referent = b.Referent,
        PlannedTotal = b.PlannedTotal is { } t ? (double)t : null,
        Constat = b.Constat,
        ObjectifOperationnel = b.ObjectifOperationnel,
        Description = b.Description,
        Acteurs = b.Acteurs,
        BilanQualitatif = b.BilanQualitatif,
        APoursuivre = b.APoursuivre,
        BilanFinancier = b.BilanFinancier,
        Consumed = b.Consumed is { } c ? (double)c : null,
        ConsumedPercentPrinted = b.ConsumedPercentPrinted is { } p ? (double)p : null,
        IngestionId = ingestionId,
        SourceKind = Ingestion.Kinds.BilansFichesParser.KindName,
        SourceCell = b.SourceCell,
        Objectifs = b.Objectifs.Count == 0 ? null : string.Join(',', b.Objectifs.Select(o => o.ToString(CultureInfo.InvariantCulture))),
        Moyens = b.Moyens,
        DocumentsReference = b.DocumentsReference,
        ObjectifsRetenus = b.ObjectifsRetenus.Count == 0 ? null : string.Join(',', b.ObjectifsRetenus.Select(o => o.ToString(CultureInfo.InvariantCulture))),
    };

    public static FicheDefinition DefinitionFrom(FicheEntity e) => new()
    {
        Numero = e.Numero,
        Intitule = e.Intitule,
        Objectif = e.Objectif,
        Theme = e.Theme,
        Nature = e.Nature,
        Referent = e.Referent,
        PlannedTotal = e.PlannedTotal is { } t ? (decimal)t : null,
        SourceCell = e.SourceCell,
    };

    public static FicheBilan BilanFrom(FicheEntity e) => new()
    {
        Year = e.Year,
        Numero = e.Numero,
        Intitule = e.Intitule,
        Objectif = e.Objectif,
        Referent = e.Referent,
        PlannedTotal = e.PlannedTotal is { } t ? (decimal)t : null,
        Constat = e.Constat,
        ObjectifOperationnel = e.ObjectifOperationnel,
        Description = e.Description,
        Acteurs = e.Acteurs,
        BilanQualitatif = e.BilanQualitatif,
        APoursuivre = e.APoursuivre,
        BilanFinancier = e.BilanFinancier,
        Consumed = e.Consumed is { } c ? (decimal)c : null,
        ConsumedPercentPrinted = e.ConsumedPercentPrinted is { } p ? (decimal)p : null,
        SourceCell = e.SourceCell,
        Objectifs = Numbers(e.Objectifs),
        ObjectifsRetenus = Numbers(e.ObjectifsRetenus),
        Moyens = e.Moyens,
        DocumentsReference = e.DocumentsReference,
    };

    private static List<int> Numbers(string? list) => (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToList();

    public static PlannedFundingEntity ToEntity(string partition, string ingestionId, PlannedFunding f) => new()
    {
        PartitionKey = partition,
        RowKey = FundingKey(f.Fiche, f.Year),
        Fiche = f.Fiche,
        Year = f.Year,
        MasseSalariale = (double)f.MasseSalariale,
        BudgetDgas = (double)f.BudgetDgas,
        Departement = (double)f.Departement,
        Fir = (double)f.Fir,
        Etat = (double)f.Etat,
        Ondam = (double)f.Ondam,
        Total = (double)f.Total,
        CofinancementSource = f.CofinancementSource,
        IngestionId = ingestionId,
        SourceCell = f.SourceCell,
    };

    public static PlannedFunding FundingFrom(PlannedFundingEntity e) => new()
    {
        Fiche = e.Fiche,
        Year = e.Year,
        MasseSalariale = (decimal)e.MasseSalariale,
        BudgetDgas = (decimal)e.BudgetDgas,
        Departement = (decimal)e.Departement,
        Fir = (decimal)e.Fir,
        Etat = (decimal)e.Etat,
        Ondam = (decimal)e.Ondam,
        CofinancementSource = e.CofinancementSource,
        SourceCell = e.SourceCell,
    };

    public static ObjectivePlanEntity ToEntity(string partition, string ingestionId, ObjectivePlan p) => new()
    {
        PartitionKey = partition,
        RowKey = ObjectiveKey(p),
        Kind = p.Kind,
        Period = p.Period,
        Order = p.Order,
        Engagement = p.Engagement,
        Mesure = p.Mesure,
        Objectif = p.Objectif,
        Libelle = p.Libelle,
        ActionsJson = JsonSerializer.Serialize(p.Actions, Json),
        Fiches = p.Fiches.Count == 0 ? null : string.Join(',', p.Fiches),
        Partenaires = p.Partenaires,
        Departement = p.Departement is { } d ? (double)d : null,
        Etat = p.Etat is { } s ? (double)s : null,
        Total = p.Total is { } t ? (double)t : null,
        Modalite = p.Modalite,
        AutresFinancements = p.AutresFinancements,
        AutresMontant = p.AutresMontant is { } a ? (double)a : null,
        NextYear = p.NextYear,
        NextYearFunding = p.NextYearFunding is { } n ? (double)n : null,
        IngestionId = ingestionId,
        SourceCell = p.SourceCell,
    };

    public static ObjectivePlan PlanFrom(ObjectivePlanEntity e) => new()
    {
        Kind = e.Kind,
        Period = e.Period,
        Order = e.Order,
        Engagement = e.Engagement,
        Mesure = e.Mesure,
        Objectif = e.Objectif,
        Libelle = e.Libelle,
        Actions = JsonSerializer.Deserialize<Dictionary<int, string>>(e.ActionsJson, Json) ?? [],
        Fiches = string.IsNullOrEmpty(e.Fiches) ? [] : e.Fiches.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList(),
        Partenaires = e.Partenaires,
        Departement = e.Departement is { } d ? (decimal)d : null,
        Etat = e.Etat is { } s ? (decimal)s : null,
        Total = e.Total is { } t ? (decimal)t : null,
        Modalite = e.Modalite,
        AutresFinancements = e.AutresFinancements,
        AutresMontant = e.AutresMontant is { } a ? (decimal)a : null,
        NextYear = e.NextYear,
        NextYearFunding = e.NextYearFunding is { } n ? (decimal)n : null,
        SourceCell = e.SourceCell,
    };

    /// <summary>An indicator as one kind states it, in the IndicatorSources table.</summary>
    public static IndicatorEntity ToSourceEntity(string partition, string ingestionId, string kind, IndicatorDefinition d)
    {
        var entity = IndicatorMapping.ToEntity(partition, ingestionId, d);
        entity.RowKey = SourcePrefix(kind) + d.Code;
        entity.SourceKinds = kind;
        return entity;
    }
}
