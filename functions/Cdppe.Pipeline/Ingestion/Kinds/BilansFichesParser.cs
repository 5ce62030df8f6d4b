using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The bilans of the fiches actions (seed 003, one section per fiche), as one row per fiche: numéro, intitulé,
/// objectif, référent, constat, objectif opérationnel, description, acteurs, moyens prévisionnels ("Total : 839 727 €"),
/// bilan financier ("Montant consommé … : 437 757 € (52 %) Montant non consommé … : 401 970 €"), bilan qualitatif,
/// à poursuivre. The year is read from the headers ("Bilan qualitatif au 31/12/2022") or the title.
/// </summary>
public sealed partial class BilansFichesParser : ISheetParser
{
    public const string KindName = WorkbookKinds.BilansFiches;

    private static readonly ColumnSpec[] Specs =
    [
        new("fiche", t => t.Contains("fiche", StringComparison.Ordinal) && (t.Contains("n°", StringComparison.Ordinal) || t.Contains("numero", StringComparison.Ordinal) || t == "fiche" || t == "fiche action"), Required: true),
        new("intitule", t => t.StartsWith("intitule", StringComparison.Ordinal)),
        new("objectifOperationnel", t => t.Contains("objectif operationnel", StringComparison.Ordinal)),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal)),
        new("referent", t => t.StartsWith("referent", StringComparison.Ordinal)),
        new("constat", t => t.Contains("constat", StringComparison.Ordinal), Required: true),
        new("description", t => t.StartsWith("description", StringComparison.Ordinal)),
        new("acteurs", t => t.Contains("acteur", StringComparison.Ordinal)),
        new("moyens", t => t.Contains("moyens", StringComparison.Ordinal) || t.Contains("total prevu", StringComparison.Ordinal)),
        new("bilanFinancier", t => t.Contains("bilan financier", StringComparison.Ordinal)),
        new("bilanQualitatif", t => t.Contains("bilan qualitatif", StringComparison.Ordinal), Required: true),
        new("aPoursuivre", t => t.Contains("poursuivre", StringComparison.Ordinal)),
        new("documents", t => t.StartsWith("documents", StringComparison.Ordinal) || t.Contains("document de reference", StringComparison.Ordinal)),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<SheetRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var sheet = input.Sheet.Name;
        var issues = content.Issues;
        var year = Years.AtEndOf(header.TextOf("bilanQualitatif"))
            ?? Years.AtEndOf(header.TextOf("bilanFinancier"))
            ?? header.Titles.Select(Years.OnlyOne).FirstOrDefault(y => y is not null)
            ?? (Years.OnlyOne(header.TextOf("aPoursuivre")) is { } next ? next - 1 : null);
        if (year is null)
        {
            issues.Add(IngestionMessages.YearNotFound(KindName, sheet, header.CellOf("bilanQualitatif"), header.RawTextOf("bilanQualitatif")));
            return [];
        }

        var retained = RetainedObjectives(header.Titles);
        var seen = new Dictionary<int, string>();
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            var ficheCell = row.Get(header["fiche"]);
            if (ficheCell.IsEmpty || ficheCell.FromMerge)
            {
                if (row.NonEmpty.Any(c => !c.FromMerge))
                {
                    issues.Add(IngestionMessages.FicheMissing(KindName, sheet, ficheCell.Reference));
                }

                continue;
            }

            if (Cells.FicheNumber(ficheCell) is not { } numero)
            {
                issues.Add(IngestionMessages.InvalidFiche(sheet, ficheCell));
                continue;
            }

            if (seen.TryGetValue(numero, out var first))
            {
                issues.Add(IngestionMessages.DuplicateFiche(KindName, numero, first, sheet, ficheCell));
                continue;
            }

            seen[numero] = ficheCell.Reference;
            decimal? planned = null;
            string? moyens = null;
            if (header.Has("moyens"))
            {
                var cell = row.Get(header["moyens"]);
                var value = CellValueParser.Parse(cell);
                if (value.Status == ValueStatus.Text)
                {
                    (planned, moyens) = ReadMoyens(value.Text);
                    if (planned is null && Amounts.FirstIn(value.Text) is null && !IndicatorCodes.IsPlaceholder(value.Text))
                    {
                        issues.Add(IngestionMessages.NoAmountInText(numero, sheet, cell.Reference, Short(cell.Display)));
                    }
                }
                else if (!Amounts.TryRead(cell, $"des moyens prévisionnels de la fiche {numero}", sheet, issues, out planned, blank: null))
                {
                    continue;
                }
            }

            var objectifText = Cells.Text(row, header, "objectif");
            var objectives = NationalObjectives.NumbersIn(objectifText);
            int? objectif = objectives.Count > 0 ? objectives[0] : NationalObjectives.Match(objectifText);
            if (objectives.Count > 1)
            {
                issues.Add(IngestionMessages.SeveralObjectives(numero, objectives, sheet, CellReference.Format(header["objectif"], row.Index), Short(objectifText)));
            }

            var financier = Cells.Text(row, header, "bilanFinancier");
            var (consumed, percent, notConsumed) = ReadBilanFinancier(financier);
            var bilan = new FicheBilan
            {
                Year = year.Value,
                Numero = numero,
                Intitule = Cells.Text(row, header, "intitule"),
                Objectif = objectif,
                Objectifs = objectives.Count > 0 ? objectives : objectif is { } only ? [only] : [],
                Moyens = moyens,
                DocumentsReference = Cells.Text(row, header, "documents"),
                ObjectifsRetenus = retained,
                Referent = Cells.Text(row, header, "referent"),
                Constat = Cells.Text(row, header, "constat"),
                ObjectifOperationnel = Cells.Text(row, header, "objectifOperationnel"),
                Description = Cells.Text(row, header, "description"),
                Acteurs = Cells.Text(row, header, "acteurs"),
                BilanQualitatif = Cells.Text(row, header, "bilanQualitatif"),
                APoursuivre = Cells.Text(row, header, "aPoursuivre"),
                PlannedTotal = planned,
                BilanFinancier = financier,
                Consumed = consumed,
                ConsumedPercentPrinted = percent,
                SourceCell = ficheCell.Reference,
            };
            Check(bilan, notConsumed, header.Has("bilanFinancier") ? CellReference.Format(header["bilanFinancier"], row.Index) : ficheCell.Reference, sheet, issues);
            content.Bilans.Add(content.From(bilan, sheet));
        }

        if (seen.Count == 0)
        {
            issues.Add(IngestionMessages.EmptyTable(KindName, sheet, CellReference.Format(header["fiche"], header.LastHeaderRow + 1)));
        }

        return [year.Value];
    }

    /// <summary>The optional objectives a title line above the table names ("Objectifs facultatifs retenus : 13, 15, 16, 23, 24, 25 et 26").</summary>
    public static IReadOnlyList<int> RetainedObjectives(IEnumerable<string> titles) =>
        titles.Where(t => t.Contains("facultatif", StringComparison.Ordinal))
            .SelectMany(t => ObjectiveNumber().Matches(t[t.IndexOf("facultatif", StringComparison.Ordinal)..]).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)))
            .Where(n => n is >= 12 and <= 26)
            .Distinct()
            .Order()
            .ToList();

    /// <summary>
    /// "Total : 839 727 €" then the free text of the moyens → (839 727, the text without its total line). Without a
    /// "Total" line, a text that is only an amount is the total; any other text has no total (fiche 39 names amounts
    /// that are not its total: "Financement Etat : … 400 000 €", "400 000 € transférés à la fiche 37").
    /// </summary>
    public static (decimal? Total, string? Text) ReadMoyens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var totalLine = lines.FindIndex(l => TotalLine().IsMatch(l));
        if (totalLine >= 0)
        {
            var total = CellValueParser.ParseText(TotalLine().Match(lines[totalLine]).Groups[1].Value.Trim() + " €") is { Status: ValueStatus.Value, Number: { } n } ? n : (decimal?)null;
            lines.RemoveAt(totalLine);
            return (total, lines.Count == 0 ? null : string.Join('\n', lines));
        }

        return OnlyAnAmount().IsMatch(text.Trim()) ? (Amounts.FirstIn(text.Trim().TrimEnd('€').Trim() + " €"), null) : (null, string.Join('\n', lines));
    }

    /// <summary>"Montant consommé … : 437 757€ (52%) Montant non consommé en valeur : 401 970€" → (437 757, 0.52, 401 970).</summary>
    public static (decimal? Consumed, decimal? Percent, decimal? NotConsumed) ReadBilanFinancier(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, null);
        }

        var notConsumedAt = NotConsumedLabel().Match(text);
        var consumedPart = notConsumedAt.Success ? text[..notConsumedAt.Index] : text;
        var consumed = Amounts.FirstIn(consumedPart);
        if (consumed is null && ZeroConsumed().IsMatch(consumedPart))
        {
            consumed = 0m;
        }

        var percentMatch = PrintedPercent().Match(consumedPart);
        decimal? percent = percentMatch.Success && CellValueParser.ParseText(percentMatch.Groups[1].Value + "%") is { Status: ValueStatus.Value, Number: { } p } ? p : null;
        var notConsumed = notConsumedAt.Success ? Amounts.FirstIn(text[notConsumedAt.Index..]) : null;
        return (consumed, percent, notConsumed);
    }

    private static void Check(FicheBilan bilan, decimal? notConsumed, string cell, string sheet, IssueList issues)
    {
        if (bilan.Consumed is not { } consumed || bilan.PlannedTotal is not { } planned)
        {
            return;
        }

        if (consumed > planned)
        {
            issues.Add(IngestionMessages.BilanOverConsumed(bilan.Numero, consumed, planned, sheet, cell));
        }

        if (bilan.ConsumedPercentPrinted is { } printed && planned > 0)
        {
            var actual = consumed / planned * 100m;
            var decimals = DecimalsOf(printed * 100m);
            var factor = (decimal)Math.Pow(10, decimals);
            var truncated = Math.Truncate(actual * factor) / factor;
            var rounded = Math.Round(actual, decimals, MidpointRounding.AwayFromZero);
            if (printed * 100m != truncated && printed * 100m != rounded)
            {
                issues.Add(IngestionMessages.PercentMismatch(bilan.Numero, consumed, planned, FrenchFormat.Percent(printed, decimals), FrenchFormat.Percent(actual / 100m, Math.Max(decimals, 1)), sheet, cell));
            }
        }

        if (notConsumed is { } rest && rest != planned - consumed)
        {
            issues.Add(IngestionMessages.NotConsumedMismatch(bilan.Numero, rest, planned - consumed, sheet, cell));
        }
    }

    private static int DecimalsOf(decimal value)
    {
        var text = value.ToString("0.####", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    private static string? Short(string? text) => text is { Length: > 120 } ? text[..117] + "…" : text;

    [GeneratedRegex(@"^total(?:\s+pr[ée]vu)?\s*:?\s*((?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:,\d+)?)\s*€?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:,\d+)?\s*€?$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyAnAmount();

    [GeneratedRegex(@"\b\d{1,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectiveNumber();

    [GeneratedRegex(@"non\s+consomm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotConsumedLabel();

    [GeneratedRegex(@"\(\s*(\d{1,3}(?:[,.]\d+)?)\s*%\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex PrintedPercent();

    [GeneratedRegex(@"(?<![\d ])0\s*€", RegexOptions.CultureInvariant)]
    private static partial Regex ZeroConsumed();
}
