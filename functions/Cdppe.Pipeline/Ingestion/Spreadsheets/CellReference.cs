using System.Globalization;

namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

public static class CellReference
{
    public static string Format(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            name = (char)('A' + rem) + name;
            column = (column - 1) / 26;
        }

        return name;
    }

    /// <summary>Parses "B12" into (column 2, row 12); returns false for anything else.</summary>
    public static bool TryParse(string? reference, out int column, out int row)
    {
        column = 0;
        row = 0;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                return false;
            }

            i++;
        }

        if (i == 0 || i == reference.Length)
        {
            return false;
        }

        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }
}
