namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>One problem of a template: a stable code, the tag as written, where it is and a French message.</summary>
public sealed record TemplateError(string Code, string Tag, TemplateLocation? Location, string Message)
{
    public override string ToString() => Location is null ? Message : $"{Message} ({Location})";
}
