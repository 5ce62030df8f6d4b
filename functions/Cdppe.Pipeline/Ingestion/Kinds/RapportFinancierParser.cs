using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The rapport financier table of the rapport d'exécution (seed 003): engagement banners, one line per fiche
/// (mesure and objectif merged or left blank on continuation lines), objective lines without a fiche,
/// sub-totals per engagement and a grand total. Totals are read and checked, never imported as data. The years of
/// an annexe 2.1 have no fiches: their lines are keyed by objective number and action ("Action n°9-1"), and an
/// amount merged over the actions of one objective is planned once for them all.
/// </summary>
public sealed partial class RapportFinancierParser : ISheetParser
{
    public const string KindName = WorkbookKinds.RapportFinancier;

    private static readonly ColumnSpec[] Specs =
    [
        new("consumedBefore", t => t.Contains("consomme", StringComparison.Ordinal) && (t.Contains("au 31/12", StringComparison.Ordinal) || t.Contains(" au ", StringComparison.Ordinal))),
        new("consumedInYear", t => t.Contains("consomme en", StringComparison.Ordinal), Required: true),
        new("consumedCumulative", t => t.Contains("consomme", StringComparison.Ordinal) && YearRange().IsMatch(t)),
        new("modalite", t => t.Contains("modalite", StringComparison.Ordinal)),
        new("budgetGlobal", t => t.Contains("budget global", StringComparison.Ordinal), Required: true),
        new("ondam", t => Word(t, "ondam")),
        new("fir", t => Word(t, "fir")),
        new("etat", t => Word(t, "etat")),
        new("departement", t => Word(t, "departement") || Word(t, "cd")),
        new("fiche", t => t.Contains("fiche", StringComparison.Ordinal)),
        new("action", t => t.Contains("action", StringComparison.Ordinal)),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal) || t.Contains("objectif", StringComparison.Ordinal) && (t.Contains("n°", StringComparison.Ordinal) || t.Contains("numero", StringComparison.Ordinal))),
        new("mesure", t => t.StartsWith("mesure", StringComparison.Ordinal)),
    ];

    /// <summary>The amount columns: header field, <see cref="BudgetLine"/> property, French name.</summary>
    internal static readonly (string Field, string Column, string Label)[] AmountFields =
    [
        ("budgetGlobal", nameof(BudgetLine.BudgetGlobal), "budget global"),
        ("departement", nameof(BudgetLine.Departement), "Département"),
        ("fir", nameof(BudgetLine.Fir), "FIR"),
        ("etat", nameof(BudgetLine.Etat), "État"),
        ("ondam", nameof(BudgetLine.Ondam), "ONDAM"),
        ("consumedBefore", nameof(BudgetLine.ConsumedBefore), "consommé au 31/12 de l'année précédente"),
        ("consumedInYear", nameof(BudgetLine.ConsumedInYear), "consommé dans l'année"),
        ("consumedCumulative", nameof(BudgetLine.ConsumedCumulative), "consommé cumulé"),
    ];

    public string Kind => KindName;

    /// <summary>A rapport financier names its lines by fiche action or by action.</summary>
    public HeaderMap? Detect(IReadOnlyList<SheetRow> head) => HeaderLocator.Locate(head, Specs) is { } map && (map.Has("fiche") || map.Has("action")) ? map : null;

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var year = FindYear(header);
        if (year is null)
        {
            content.Issues.Add(IngestionMessages.YearNotFound(KindName, input.Sheet.Name, header.CellOf("consumedInYear"), header.RawTextOf("consumedInYear")));
            return [];
        }

        new RapportFinancierReader(input.Sheet.Name, header, content, year.Value).ReadAll(input.Rows);
        return [year.Value];
    }

    /// <summary>The year of "Budget consommé en 2022".</summary>
    private static int? FindYear(HeaderMap header)
    {
        var match = Year().Match(header.TextOf("consumedInYear"));
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool Word(string text, string word) => Regex.IsMatch(text, $@"(^|[^a-z]){word}([^a-z]|$)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"20\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"20\d\d\s*-\s*20\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();
}
