namespace Cdppe.Pipeline.Xml;

/// <summary>A part went over a limit of <see cref="XmlPartLimits"/>; <see cref="Exception.Message"/> is French and names the part and the limit.</summary>
public sealed class XmlLimitException : Exception
{
    public XmlLimitException(XmlLimit limit, string part, string message, Exception? inner = null)
        : base(message, inner)
    {
        Limit = limit;
        Part = part;
    }

    public XmlLimitException()
    {
    }

    public XmlLimitException(string message)
        : base(message)
    {
    }

    public XmlLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public XmlLimit Limit { get; }

    /// <summary>The package part, e.g. <c>/xl/worksheets/sheet1.xml</c>.</summary>
    public string Part { get; } = string.Empty;
}
