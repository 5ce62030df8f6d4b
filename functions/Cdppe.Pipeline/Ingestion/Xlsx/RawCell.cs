namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>A cell as its XML carries it: a struct in the row buffer, with its value still as UTF-8 bytes when it is a plain number or index.</summary>
internal struct RawCell
{
    public int Column;
    public RawCellType Type;
    public uint? Style;
    public bool HasFormula;

    /// <summary>The <c>&lt;v&gt;</c> element is present.</summary>
    public bool HasValue;

    /// <summary>The value when it had to be made a string (entities, CDATA); otherwise it is in <see cref="RowBuffer.Values"/>.</summary>
    public string? Decoded;
    public int ValueStart;
    public int ValueLength;
    public string? InlineText;
}
