using System.Globalization;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Maps budget lines to table rows with deterministic keys, versioned by ingestion (see <see cref="DatasetStore"/>):
/// <c>{year}|{ingestionId}|F{fiche:000}</c>, <c>{year}|{ingestionId}|A-{objective slug}-{action slug}</c> (a line keyed by
/// action) or <c>{year}|{ingestionId}|O-{objective slug}</c>.
/// </summary>
public static class BudgetLineMapping
{
    /// <summary>The dataset kind of budget lines.</summary>
    public const string Kind = "rapport-financier";

    public static string Prefix(int year, string ingestionId) => string.Create(CultureInfo.InvariantCulture, $"{year}|{ingestionId}|");

    public static BudgetLineEntity ToEntity(string partition, string ingestionId, BudgetLine line) => new()
    {
        PartitionKey = partition,
        RowKey = Prefix(line.Year, ingestionId) + (line.Fiche is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"F{f:D3}")
            : line.Action is { } action
                ? "A-" + IndicatorCodes.Slug(line.Objectif ?? line.Mesure ?? string.Empty) + "-" + (ContractActions.CodeOf(action) ?? IndicatorCodes.Slug(action))
                : "O-" + IndicatorCodes.Slug(line.Objectif ?? line.Mesure ?? string.Empty)),
        Year = line.Year,
        Engagement = line.Engagement,
        Mesure = line.Mesure,
        Objectif = line.Objectif,
        Fiche = line.Fiche,
        Action = line.Action,
        BudgetGlobal = (double)line.BudgetGlobal,
        Departement = (double)line.Departement,
        Fir = (double)line.Fir,
        Etat = (double)line.Etat,
        Ondam = (double)line.Ondam,
        Modalite = line.Modalite,
        ConsumedBefore = (double)line.ConsumedBefore,
        ConsumedInYear = (double)line.ConsumedInYear,
        ConsumedCumulative = (double)line.ConsumedCumulative,
        Order = line.Order,
        IngestionId = ingestionId,
        SourceCell = line.SourceCell,
    };

    public static BudgetLine FromEntity(BudgetLineEntity e) => new()
    {
        Year = e.Year,
        Engagement = e.Engagement,
        Mesure = e.Mesure,
        Objectif = e.Objectif,
        Fiche = e.Fiche,
        Action = e.Action,
        BudgetGlobal = (decimal)e.BudgetGlobal,
        Departement = (decimal)e.Departement,
        Fir = (decimal)e.Fir,
        Etat = (decimal)e.Etat,
        Ondam = (decimal)e.Ondam,
        Modalite = e.Modalite,
        ConsumedBefore = (decimal)e.ConsumedBefore,
        ConsumedInYear = (decimal)e.ConsumedInYear,
        ConsumedCumulative = (decimal)e.ConsumedCumulative,
        Order = e.Order,
        SourceCell = e.SourceCell,
    };
}
