using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// Where the annexe's money is, from the labels and from what the cells hold. The State's template has a column for
/// the State's source (FIR, 304, ONDAM) without a label of its own: its sub-header "Département | État | Total pour
/// l'objectif | Autres financements | Montant" starts over that column, the last label ("Montant") standing under
/// "Financements {next year}". The column whose cells are sources is the source column; labels written over it and
/// after it belong one column to the right. The next year's column is the "Financements" group of the following year,
/// never the year's own group.
/// </summary>
internal static partial class AnnexeLayout
{
    private static readonly string[] Shifted = ["departement", "etat", "total", "autres", "montant"];

    public static HeaderMap Resolve(HeaderMap header, IReadOnlyList<SheetRow> sample, int year, string sheet, IssueList issues)
    {
        var columns = header.Columns.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var nextColumn = header.FullTexts.Where(t => t.Value.StartsWith("financement", StringComparison.Ordinal) && Years.In(t.Value).Contains(year + 1) && !Years.In(t.Value).Contains(year))
            .Select(t => (int?)t.Key).Min();
        if (columns.TryGetValue("nextYear", out var wrong) && Years.In(header.FullTextOf(wrong)).Contains(year))
        {
            columns.Remove("nextYear");
        }

        if (nextColumn is { } nc)
        {
            columns["nextYear"] = nc;
        }

        var source = header.FullTexts.Keys.Where(c => c > columns["actions"] && c != nextColumn).Order().FirstOrDefault(c => IsSourceColumn(sample, c));
        if (source > 0 && columns.GetValueOrDefault("modalite") != source)
        {
            var labelled = columns.FirstOrDefault(c => c.Value == source && Shifted.Contains(c.Key)).Key;
            if (labelled is not null)
            {
                foreach (var field in Shifted.Where(f => columns.TryGetValue(f, out var c) && c >= source).ToList())
                {
                    var moved = columns[field] + 1;
                    if (moved == columns.GetValueOrDefault("nextYear"))
                    {
                        columns.Remove(field);
                    }
                    else
                    {
                        columns[field] = moved;
                    }
                }

                issues.Add(IngestionMessages.UnlabelledSourceColumn(CellReference.ColumnName(source), sheet, CellReference.Format(source, header.LastHeaderRow)));
            }

            columns["modalite"] = source;
        }

        return header with { Columns = columns };
    }

    /// <summary>Every value of the column is a funding source ("FIR", "304", "BOP 304", "ONDAM", "PLF", "ONDAM / État"), and there is one.</summary>
    private static bool IsSourceColumn(IReadOnlyList<SheetRow> sample, int column)
    {
        var values = sample.Select(r => r.Get(column)).Where(c => !c.IsEmpty && !c.FromMerge).ToList();
        return values.Count > 0 && values.All(c => c.Kind == SheetCellKind.Number ? c.Number == 304 : SourcePattern().IsMatch(TextNormalizer.Normalize(c.Text)));
    }

    [GeneratedRegex(@"^(?:(?:fir|ondam|plf|etat|bop|304|am|cd|cnsa|assurance maladie|sans objet)\s*(?:[/,+&-]|et)?\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();
}
