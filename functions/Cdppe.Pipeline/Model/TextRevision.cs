namespace Cdppe.Pipeline.Model;

/// <summary>
/// One version of the text of a place: who kept it, when, from which file (the upload's or <c>portail</c>), the
/// upload it came with (the texts version of the reports generated after it), an excerpt and, when read for a
/// rendering, the stored fragment itself.
/// </summary>
public sealed record TextRevision(
    string Name,
    string Title,
    string Author,
    string FileName,
    string UploadId,
    DateTimeOffset SavedAt,
    int Characters,
    string Excerpt,
    string? Fragment = null);
