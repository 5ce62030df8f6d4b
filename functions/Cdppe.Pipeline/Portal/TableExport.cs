using System.Text.Json;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// A table of a portal page as the person sees it (filtered and sorted): its caption, its columns and its rows, each
/// cell a text, a number with its format (<c>{ "valeur": 0.25, "format": "pourcent" }</c>, see
/// <see cref="TableWorkbooks.Formats"/>) or nothing. Sent by the page to be written as a workbook.
/// </summary>
public sealed record TableExport(string Title, string? FileName, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<JsonElement>> Rows);
