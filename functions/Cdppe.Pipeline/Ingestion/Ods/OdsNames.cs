using System.Xml;

namespace Cdppe.Pipeline.Ingestion.Ods;

/// <summary>Atomised OpenDocument names, compared by reference.</summary>
internal sealed class OdsNames(XmlNameTable table)
{
    public string TableNs { get; } = table.Add("urn:oasis:names:tc:opendocument:xmlns:table:1.0");

    public string OfficeNs { get; } = table.Add("urn:oasis:names:tc:opendocument:xmlns:office:1.0");

    public string TextNs { get; } = table.Add("urn:oasis:names:tc:opendocument:xmlns:text:1.0");

    public string StyleNs { get; } = table.Add("urn:oasis:names:tc:opendocument:xmlns:style:1.0");

    public string CalcExtNs { get; } = table.Add("urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0");

    public string Table { get; } = table.Add("table");

    public string Row { get; } = table.Add("table-row");

    public string Cell { get; } = table.Add("table-cell");

    public string CoveredCell { get; } = table.Add("covered-table-cell");

    public string HeaderRows { get; } = table.Add("table-header-rows");

    public string RowGroup { get; } = table.Add("table-row-group");

    public string Rows { get; } = table.Add("table-rows");

    public string Paragraph { get; } = table.Add("p");

    public string Space { get; } = table.Add("s");

    public string Tab { get; } = table.Add("tab");

    public string LineBreak { get; } = table.Add("line-break");

    public string Annotation { get; } = table.Add("annotation");

    public string Style { get; } = table.Add("style");

    public string TableProperties { get; } = table.Add("table-properties");

    public string RowsRepeated { get; } = table.Add("number-rows-repeated");

    public string ColumnsRepeated { get; } = table.Add("number-columns-repeated");

    public string ColumnsSpanned { get; } = table.Add("number-columns-spanned");

    public string RowsSpanned { get; } = table.Add("number-rows-spanned");

    public string Formula { get; } = table.Add("formula");

    public string ValueType { get; } = table.Add("value-type");

    public string Value { get; } = table.Add("value");

    public string DateValue { get; } = table.Add("date-value");

    public string TimeValue { get; } = table.Add("time-value");

    public string BooleanValue { get; } = table.Add("boolean-value");

    public string StringValue { get; } = table.Add("string-value");

    public static bool Is(XmlReader xml, string localName, string ns) => ReferenceEquals(xml.LocalName, localName) && ReferenceEquals(xml.NamespaceURI, ns);
}
