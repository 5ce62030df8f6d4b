namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>What an upload kept: its id (the texts version of the next reports, empty when nothing changed), the places whose text changed, the places read, the French summary and warnings.</summary>
public sealed record TextUploadResult(string UploadId, IReadOnlyList<string> Changed, int Places, string Message, IReadOnlyList<string> Warnings);
