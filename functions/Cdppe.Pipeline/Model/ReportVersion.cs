namespace Cdppe.Pipeline.Model;

/// <summary>
/// A generated report as it was handed out, kept with what it was made from: the data version (the département's
/// datasets of that moment), the texts version (the last upload of texts, empty without one) and the template
/// (where it comes from and the SHA-256 of its bytes); its places, to read its edited copy back.
/// </summary>
public sealed record ReportVersion(
    string Id,
    string Departement,
    int Year,
    DateTimeOffset CreatedAt,
    string FileName,
    long Bytes,
    string Sha256,
    string DataVersion,
    string TextsVersion,
    string Template,
    string TemplateHash,
    IReadOnlyList<ReportPlace> Places);
