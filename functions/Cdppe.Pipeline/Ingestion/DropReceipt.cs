using System.Text.Json.Serialization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// A workbook written to <c>uploads/</c>: its ingestion id (the SHA-256 of its bytes, when they were read whole, as a
/// portal drop reads them) and where it was written.
/// </summary>
public sealed record DropReceipt(string? Id, string FileName, string Blob)
{
    /// <summary>The département it was dropped for (its ingestions list follows it).</summary>
    [JsonIgnore]
    public Departement Departement { get; init; }

    /// <summary>When a file of the same bytes was already ingested for the département: that earlier drop (its name and date), else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EarlierDrop? AlreadyDropped { get; init; }
}
