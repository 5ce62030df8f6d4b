namespace Cdppe.Pipeline.Ingestion;

public enum ValueStatus
{
    /// <summary>A value was read.</summary>
    Value,

    /// <summary>Nothing in the cell.</summary>
    Blank,

    /// <summary>"NC": non communiqué.</summary>
    NotCommunicated,

    /// <summary>Text that is not a value of the expected kind ("Indicateur en construction", a milestone...).</summary>
    Text,

    /// <summary>An Excel error such as #REF!.</summary>
    Error,
}
