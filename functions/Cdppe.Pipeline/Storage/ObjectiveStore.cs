using System.Globalization;
using System.Text.Json;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table Objectives: the objective lines of each plan (synthèse, annexe 2.1), RowKey <c>{kind}|{period}|{ingestionId}|{order:000}</c>.</summary>
public sealed class ObjectiveStore(CdppeStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ObjectivePlanEntity ToEntity(string partition, string ingestionId, ObjectivePlan p) => new()
    {
        PartitionKey = partition,
        RowKey = DatasetKeys.RowPrefix(DatasetKeys.Objectives(p.Kind, p.Period), ingestionId) + p.Order.ToString("D3", CultureInfo.InvariantCulture),
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

    /// <summary>The lines of the current plan of a kind and period.</summary>
    public async Task<IReadOnlyList<ObjectivePlan>> CurrentAsync(DatasetHead head, string kind, string period, CancellationToken cancellationToken = default)
    {
        var key = DatasetKeys.Objectives(kind, period);
        return head.Of(key) is { } current
            ? (await storage.Table(TableNames.Objectives).PrefixAsync<ObjectivePlanEntity>(head.Partition, DatasetKeys.RowPrefix(key, current), cancellationToken)).Select(FromEntity).ToList()
            : [];
    }

    private static ObjectivePlan FromEntity(ObjectivePlanEntity e) => new()
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
}
