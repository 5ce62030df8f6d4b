using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cdppe.Pipeline.Model;

/// <summary>The ingestion report written next to every ingestion (JSON; messages in French).</summary>
public sealed record IngestionReport(string FileName, string BlobName, string Departement, string IngestionId, string Status, string Message, DateTimeOffset ReceivedAt, IReadOnlyList<SheetSummary> Sheets, IReadOnlyList<IngestionReport.Issue> Issues)
{
    /// <summary>For a rejected workbook: its copy with a comment on each faulty cell.</summary>
    public string? AnnotatedCopy { get; init; }

    /// <summary>For an accepted workbook: the normalised content as stored.</summary>
    public string? Data { get; init; }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An issue as stored: its text, and its structured fields (written only when set) for the code that needs its data.</summary>
    public sealed record Issue(string Severity, string Code, string Message, string? Sheet, string? Cell, string? Seen, string? Expected, string Text)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Kind { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Column { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Engagement { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Fiche { get; init; }

        public static Issue From(ValidationIssue i) => new(i.SeverityLabel, i.Code, i.Message, i.Sheet, i.Cell, i.Seen, i.Expected, i.ToString())
        {
            Kind = i.Kind,
            Column = i.Column,
            Engagement = i.Engagement,
            Fiche = i.Fiche,
        };
    }
}
