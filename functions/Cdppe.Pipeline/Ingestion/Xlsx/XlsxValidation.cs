namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>A data validation on a range: a list ("oui,non") or a custom formula written for the range's top-left cell, with a French message.</summary>
public sealed record XlsxValidation(string Range, string? List = null, string? Formula = null, string? Prompt = null, string? Error = null);
