using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The monthly follow-up workbook (our own format): one row per indicator and month with code, libellé,
/// période (AAAA-MM or a date), valeur (year-to-date for counts), source, fiable (oui/non), commentaire.
/// </summary>
public sealed class SuiviMensuelParser : ISheetParser
{
    public const string KindName = WorkbookKinds.SuiviMensuel;

    private static readonly ColumnSpec[] Specs =
    [
        new("code", t => t.StartsWith("code", StringComparison.Ordinal)),
        new("periode", t => t.StartsWith("periode", StringComparison.Ordinal) || t == "mois", Required: true),
        new("valeur", t => t.StartsWith("valeur", StringComparison.Ordinal), Required: true),
        new("fiable", t => t.StartsWith("fiable", StringComparison.Ordinal) || t.Contains("fiabilite", StringComparison.Ordinal)),
        new("commentaire", t => t.StartsWith("commentaire", StringComparison.Ordinal)),
        new("source", t => t.StartsWith("source", StringComparison.Ordinal)),
        new("libelle", t => t.StartsWith("libelle", StringComparison.Ordinal) || t.StartsWith("indicateur", StringComparison.Ordinal), Required: true),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal)),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<SheetRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var sheet = input.Sheet.Name;
        var issues = content.Issues;
        var years = new SortedSet<int>();
        var seen = new Dictionary<(string Code, YearMonth Period), string>();
        var columns = new Columns(header);
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            var labelCell = row.Get(columns.Label);
            var codeCell = columns.Code > 0 ? row.Get(columns.Code) : labelCell;
            var label = labelCell.IsEmpty ? null : labelCell.Display.Trim();
            var code = columns.Code > 0 && !codeCell.IsEmpty ? codeCell.Display.Trim().ToUpperInvariant() : null;
            if (label is null && code is null)
            {
                issues.Add(IngestionMessages.MissingIndicator(sheet, labelCell.Reference));
                continue;
            }

            var periodCell = row.Get(columns.Period);
            var valueCell = row.Get(columns.Value);
            if (valueCell.IsEmpty)
            {
                // Nothing reported (a row of the pre-filled template not filled in): never a value that would hide an earlier one.
                continue;
            }

            code ??= IndicatorCodes.Derive(NationalObjectives.Match(Optional(row, columns.Objective)), label!);
            if (!TryReadPeriod(input.Workbook, periodCell, out var parsedPeriod) || parsedPeriod is not { } period)
            {
                issues.Add(IngestionMessages.UnreadablePeriod(sheet, periodCell));
                continue;
            }

            var value = CellValueParser.Parse(valueCell);
            if (value.Status == ValueStatus.Error)
            {
                issues.Add(IngestionMessages.ValueFormulaError("de l'indicateur", sheet, valueCell));
                continue;
            }

            if (value.Status == ValueStatus.Value && value.Number < 0)
            {
                issues.Add(IngestionMessages.NegativeValue("de l'indicateur", sheet, valueCell));
                continue;
            }

            var reliable = true;
            if (columns.Reliable > 0)
            {
                var fiableCell = row.Get(columns.Reliable);
                var fiable = fiableCell.Display is "oui" or "non" or "" ? fiableCell.Display : TextNormalizer.Normalize(fiableCell.Display);
                if (fiable is "non" or "n" or "faux" or "0")
                {
                    reliable = false;
                }
                else if (fiable is not ("" or "oui" or "o" or "vrai" or "1"))
                {
                    issues.Add(IngestionMessages.UnreadableReliability(sheet, fiableCell));
                }
            }

            var valueReference = valueCell.Reference;
            if (!seen.TryAdd((code, period), valueReference))
            {
                issues.Add(IngestionMessages.DuplicateValue(code, period, seen[(code, period)], sheet, valueCell));
                continue;
            }

            years.Add(period.Year);
            content.IndicatorValues.Add(new IndicatorValue
            {
                Code = code,
                Label = label ?? code,
                Period = period,
                Value = value.Status == ValueStatus.Value ? value.Number : null,
                IsPercent = value.IsPercent,
                Text = value.Status is ValueStatus.Text or ValueStatus.NotCommunicated ? value.Text : null,
                Source = Optional(row, columns.Source),
                Reliable = reliable && value.Status != ValueStatus.NotCommunicated,
                Comment = Optional(row, columns.Comment),
                SourceCell = valueReference,
            });
        }

        return years.ToList();
    }

    private static bool TryReadPeriod(ISpreadsheet workbook, SheetCell cell, out YearMonth? period)
    {
        period = null;
        if (cell.Kind == SheetCellKind.Number && cell.IsDate)
        {
            period = YearMonth.From(workbook.ToDate(cell.Number!.Value));
            return true;
        }

        return YearMonth.TryParse(cell.Display, out period);
    }

    private static string? Optional(SheetRow row, int column) =>
        column > 0 && row.Get(column) is { IsEmpty: false } cell ? cell.Display.Trim() : null;

    /// <summary>The columns of the header, looked up once for the sheet (0 when the column is absent).</summary>
    private readonly struct Columns(HeaderMap header)
    {
        public int Code { get; } = Of(header, "code");

        public int Label { get; } = header["libelle"];

        public int Period { get; } = header["periode"];

        public int Value { get; } = header["valeur"];

        public int Reliable { get; } = Of(header, "fiable");

        public int Comment { get; } = Of(header, "commentaire");

        public int Source { get; } = Of(header, "source");

        public int Objective { get; } = Of(header, "objectif");

        private static int Of(HeaderMap header, string field) => header.Has(field) ? header[field] : 0;
    }
}
