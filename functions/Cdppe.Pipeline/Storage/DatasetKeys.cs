using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The datasets of a département: what each workbook kind replaces when it is dropped again. Each one is a key
/// (<c>plan-action</c>, <c>rapport-financier|2022</c>, <c>bilans-fiches|2022</c>, <c>synthese-objectifs|2020-2022</c>…);
/// its rows are written under the ingestion's id (<c>{dataset}|{ingestionId}|…</c>) and become current when the
/// pointer set (<see cref="DatasetHead"/>) names that ingestion.
/// </summary>
public static class DatasetKeys
{
    public static string Budget(int year) => Scoped(WorkbookKinds.RapportFinancier, year);

    public static string Bilans(int year) => Scoped(WorkbookKinds.BilansFiches, year);

    /// <summary>The plan d'action: fiche definitions, planned funding and its statement of the indicators.</summary>
    public const string PlanAction = WorkbookKinds.PlanAction;

    /// <summary>A kind's statement of the indicators (plan-action, tableau-de-bord).</summary>
    public static string Indicators(string kind) => kind;

    public static string Objectives(string kind, string period) => $"{kind}|{period}";

    /// <summary>The kind a dataset belongs to ("bilans-fiches|2022" → "bilans-fiches").</summary>
    public static string KindOf(string key) => key.Split('|')[0];

    /// <summary>The column of a versioned row that names the ingestion which wrote it.</summary>
    public static KeyValuePair<string, object?> WrittenBy(string ingestionId) => new("IngestionId", ingestionId);

    /// <summary>Row key prefix of one version of a dataset: <c>{dataset}|{ingestionId}|</c>.</summary>
    public static string RowPrefix(string key, string ingestionId) => $"{key}|{ingestionId}|";

    private static string Scoped(string kind, int year) => string.Create(CultureInfo.InvariantCulture, $"{kind}|{year}");
}
