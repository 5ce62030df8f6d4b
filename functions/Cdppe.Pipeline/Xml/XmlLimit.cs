namespace Cdppe.Pipeline.Xml;

/// <summary>The limit of <see cref="XmlPartLimits"/> a part went over.</summary>
public enum XmlLimit
{
    Depth,
    Elements,
    Size,
    Time,
    Malformed,
}
