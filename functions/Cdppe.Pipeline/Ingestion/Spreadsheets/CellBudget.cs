using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>
/// The memory budget of one opened workbook, whatever its format: the cells it hands out (every sheet, every pass,
/// each copy of a repeated row or merged cell) against <see cref="SpreadsheetLimits.MaxCells"/> and the characters of their
/// text against <see cref="SpreadsheetLimits.MaxCellCharacters"/>. A reader asks <see cref="Expect"/> before it builds a run
/// of copies, so that a few bytes announcing millions of cells are refused before anything is allocated.
/// </summary>
public sealed class CellBudget(SpreadsheetLimits limits)
{
    private long cells;
    private long characters;

    /// <summary>Cells handed out so far.</summary>
    public long Cells => cells;

    /// <summary>Refuses at once when <paramref name="more"/> cells would not fit in what is left of the budget.</summary>
    public void Expect(string sheet, long more)
    {
        if (more > limits.MaxCells - cells)
        {
            throw TooManyCells(sheet, limits);
        }
    }

    /// <summary>Counts the cells and characters of a row about to be handed out; refuses beyond the budget.</summary>
    public SheetRow Charge(string sheet, SheetRow row)
    {
        var count = row.Cells.Count;
        Expect(sheet, count);
        cells += count;
        long text = 0;
        foreach (var cell in row.Cells)
        {
            text += cell.Text?.Length ?? 0;
        }

        if (text > limits.MaxCellCharacters - characters)
        {
            throw new WorkbookFormatException($"Le texte des cellules du classeur dépasse {XmlPartLimits.Number(limits.MaxCellCharacters)} caractères (limite de lecture par fichier, atteinte sur la feuille « {sheet} ») : il est refusé par sécurité ; découpez le fichier.", sheet);
        }

        characters += text;
        return row;
    }

    /// <summary>A workbook whose cells (each copy of a repeated or merged cell counted) exceed <see cref="SpreadsheetLimits.MaxCells"/>.</summary>
    public static WorkbookFormatException TooManyCells(string sheet, SpreadsheetLimits limits) =>
        new($"Le classeur contient plus de {XmlPartLimits.Number(limits.MaxCells)} cellules (limite de lecture par fichier, atteinte sur la feuille « {sheet} », chaque copie d'une ligne ou cellule répétée ou fusionnée comptée) : il est refusé par sécurité ; découpez le fichier.", sheet);
}
