using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Portal;

/// <summary>One dropped file as the portal lists it.</summary>
public sealed record DropSummary(
    string Id,
    string FileName,
    string Status,
    string StatusLabel,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<KindLabel> Kinds,
    IReadOnlyList<string> Years,
    int Errors,
    int Warnings,
    string Summary,
    bool HasAnnotatedCopy,
    IReadOnlyList<string> SupersededBy)
{
    /// <summary>Every problem of the file with its cell (from its ingestion report), when one file is asked for.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IngestionReport.Issue>? Issues { get; init; }

    /// <summary>Who dropped it (« déposé par »), when the drop was recorded.</summary>
    public string? DeposePar { get; init; }

    public static DropSummary From(IngestionRecord e) => new(
        e.Id,
        e.FileName,
        IngestionStatuses.Code(e.Status),
        StatusLabelOf(e.Status),
        e.ReceivedAt,
        e.Kinds.Select(k => new KindLabel(k, ReportKinds.Label(k))).ToList(),
        e.Years,
        e.ErrorCount,
        e.WarningCount,
        e.Summary,
        !string.IsNullOrEmpty(e.AnnotatedPath),
        e.SupersededBy);

    /// <summary>A record's status as users read it: importé, refusé, en échec.</summary>
    public static string StatusLabelOf(IngestionStatus status) => status switch
    {
        IngestionStatus.Accepted => "importé",
        IngestionStatus.Rejected => "refusé",
        _ => "en échec",
    };
}
