using System.Globalization;

namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>The file cannot be read as a workbook; <see cref="Exception.Message"/> is French, for the user.</summary>
public sealed class WorkbookFormatException : Exception
{
    public WorkbookFormatException(string message, string? sheet = null, string? cell = null, Exception? inner = null)
        : base(message, inner)
    {
        Sheet = sheet;
        Cell = cell;
    }

    public WorkbookFormatException()
    {
    }

    public WorkbookFormatException(string message)
        : base(message)
    {
    }

    public WorkbookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Sheet { get; }

    public string? Cell { get; }

    /// <summary>A sheet longer than <see cref="SpreadsheetLimits.MaxRowsPerSheet"/>, whatever the format.</summary>
    public static WorkbookFormatException TooManyRows(string sheet, SpreadsheetLimits limits) =>
        new($"La feuille « {sheet} » dépasse la limite de {limits.MaxRowsPerSheet.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} lignes ; découpez le fichier.", sheet);

    /// <summary>A value beyond <see cref="SpreadsheetLimits.MaxColumns"/>, whatever the format.</summary>
    public static WorkbookFormatException TooManyColumns(string sheet, int column, int row, SpreadsheetLimits limits) =>
        new($"La feuille « {sheet} » contient des valeurs au-delà de la colonne {CellReference.ColumnName(limits.MaxColumns)} (limite {limits.MaxColumns} colonnes).", sheet, CellReference.Format(column, row));
}
