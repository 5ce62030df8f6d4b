namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The cells of the current row and the UTF-8 bytes of their values, reused from row to row.</summary>
internal sealed class RowBuffer
{
    public RawCell[] Cells = new RawCell[16];
    public int Count;
    public byte[] Values = new byte[256];
    public int ValuesLength;

    public void Clear()
    {
        Count = 0;
        ValuesLength = 0;
    }

    public ref RawCell Add()
    {
        if (Count == Cells.Length)
        {
            Array.Resize(ref Cells, Cells.Length * 2);
        }

        Cells[Count] = default;
        return ref Cells[Count++];
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (ValuesLength + bytes.Length > Values.Length)
        {
            Array.Resize(ref Values, Math.Max(Values.Length * 2, ValuesLength + bytes.Length));
        }

        bytes.CopyTo(Values.AsSpan(ValuesLength));
        ValuesLength += bytes.Length;
    }

    public ReadOnlySpan<byte> Value(in RawCell cell) => Values.AsSpan(cell.ValueStart, cell.ValueLength);
}
